/**
 * An institution's registration (public): apart from the other account pages because it checks the
 * whole registration with the server's zod schema before sending, which the sign-in form does not need.
 */
export { RegisterPage } from '../pages/RegisterPage';
