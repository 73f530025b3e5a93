import type { ClusterPrivilege } from '../generated/prisma/enums.ts';

/** Who is calling: the API key that authenticated the request. Never holds the secret. */
export interface Principal {
  keyId: string;
  name: string;
  privileges: ClusterPrivilege[];
}
