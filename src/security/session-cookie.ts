/**
 * The session cookie: httpOnly (scripts cannot read it), SameSite=Strict (other sites cannot send it, which
 * is the CSRF defence), Secure when configured or over TLS. Set at login, cleared at logout.
 */
export const sessionCookieName = 'cw_session';
