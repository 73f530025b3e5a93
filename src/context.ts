// What every resolver receives. Domain services are reached through `services`; the request's
// caller through `principal` (undefined when no valid key was sent: root fields refuse with D1).
import type { Principal } from './auth/principal.ts';
import type { Services } from './services.ts';

export interface Context {
  services: Services;
  principal: Principal | undefined;
  requestId: string;
}
