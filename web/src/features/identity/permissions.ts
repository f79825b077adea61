import { can, type Permission, type Role } from '../../../../src/identity/contract.js';

/** The server's own permission matrix (type-only roles, the pure `can`): the web app offers only what the API allows. */
export { can };
export type { Permission, Role };
