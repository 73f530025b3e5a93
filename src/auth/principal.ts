import type { ClusterPrivilege } from '../generated/prisma/enums.ts';

/** The author of what the system writes (annotations; user ones carry the API key's name): no key may take this name. */
export const SYSTEM_AUTHOR = '_xpack';

/** Who is calling: the API key that authenticated the request. Never holds the secret. */
export interface Principal {
  keyId: string;
  name: string;
  privileges: ClusterPrivilege[];
}
