import { SignJWT, errors, jwtVerify } from 'jose';

const ISSUER = 'normspace';
const ALGORITHM = 'HS256';

export interface InviteClaims {
  typ: 'invite';
  inviteId: string;
  workspaceId: string;
}

export interface SessionClaims {
  typ: 'session';
  memberId: string;
  workspaceId: string;
}

export type TokenCheck<T> = { ok: true; claims: T } | { ok: false; reason: 'invalid' | 'expired' };

/**
 * Signed tokens (JWT, HS256, via jose) for invite links and browser sessions. A token only names a
 * record (the invite or the member); whether it still works is decided by that record, so revoking an
 * invite or removing a member needs no token blacklist.
 */
export class AccessTokens {
  constructor(private readonly key: Uint8Array) {}

  signInvite(inviteId: string, workspaceId: string, expiresAt: number): Promise<string> {
    return this.sign({ typ: 'invite', ws: workspaceId }, inviteId, expiresAt);
  }

  signSession(memberId: string, workspaceId: string, expiresAt: number): Promise<string> {
    return this.sign({ typ: 'session', ws: workspaceId }, memberId, expiresAt);
  }

  async verifyInvite(token: string): Promise<TokenCheck<InviteClaims>> {
    const checked = await this.verify(token, 'invite');
    return checked.ok ? { ok: true, claims: { typ: 'invite', inviteId: checked.sub, workspaceId: checked.ws } } : checked;
  }

  async verifySession(token: string): Promise<TokenCheck<SessionClaims>> {
    const checked = await this.verify(token, 'session');
    return checked.ok ? { ok: true, claims: { typ: 'session', memberId: checked.sub, workspaceId: checked.ws } } : checked;
  }

  private sign(claims: { typ: string; ws: string }, subject: string, expiresAt: number): Promise<string> {
    return new SignJWT(claims)
      .setProtectedHeader({ alg: ALGORITHM })
      .setIssuer(ISSUER)
      .setSubject(subject)
      .setIssuedAt()
      .setExpirationTime(Math.floor(expiresAt / 1000))
      .sign(this.key);
  }

  private async verify(
    token: string,
    typ: 'invite' | 'session',
  ): Promise<{ ok: true; sub: string; ws: string } | { ok: false; reason: 'invalid' | 'expired' }> {
    if (token.length > 2048) return { ok: false, reason: 'invalid' };
    try {
      const { payload } = await jwtVerify(token, this.key, { algorithms: [ALGORITHM], issuer: ISSUER });
      if (payload.typ !== typ || typeof payload.sub !== 'string' || typeof payload.ws !== 'string') {
        return { ok: false, reason: 'invalid' };
      }
      return { ok: true, sub: payload.sub, ws: payload.ws };
    } catch (error) {
      return { ok: false, reason: error instanceof errors.JWTExpired ? 'expired' : 'invalid' };
    }
  }
}
