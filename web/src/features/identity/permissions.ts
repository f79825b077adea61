import { can, type Permission } from '../../../../src/identity/core/permissions.js';
import type { Role } from '../../../../src/identity/core/roles.js';

/** The server's own permission matrix (type-only roles, the pure `can`): the web app offers only what the API allows. */
export { can };
export type { Permission, Role };
