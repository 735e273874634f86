/**
 * Why a bearer token was refused, as a reason a person can act on (README "Sign-in"): the
 * closed set REFUSAL_REASONS, each with a sentence saying what to do. Pure: maps jose's
 * errors (server/auth/token-verifier.ts) to a reason and never echoes the token back.
 */
import { errors } from 'jose';

export const REFUSAL_REASONS = ['expired', 'not yet valid', 'wrong issuer', 'wrong audience', 'unknown key', 'bad signature', 'algorithm not allowed', 'malformed'] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];

/** What each reason means and what to do: the message of the 401 and its WWW-Authenticate error_description. */
export const REFUSAL_MESSAGES: Record<RefusalReason, string> = {
  expired: 'The access token has expired; get a new one (npm run token -- <username>, or sign in again) and send it as Authorization: Bearer <token>',
  'not yet valid': 'The access token is not valid yet (its nbf is in the future); check the clock of the machine that issued it, or wait and try again',
  'wrong issuer': 'The access token was issued by another identity provider than the one this API trusts (AUTH_ISSUER); get a token from that issuer',
  'wrong audience': 'The access token is meant for another API (its aud is not AUTH_AUDIENCE); ask the identity provider for a token for this API',
  'unknown key': 'The access token is signed with a key the identity provider does not publish (an unknown kid); get a new token from the issuer',
  'bad signature': 'The access token\'s signature does not match its content: it was changed after it was issued; get a new token and send it unchanged',
  'algorithm not allowed': 'The access token is signed with an algorithm this API does not accept (see AUTH_ALGORITHMS; never none or HS*); get a token from the trusted issuer',
  malformed: 'The Authorization header is not a bearer access token; send Authorization: Bearer <token> with a JWT from the trusted issuer, or no Authorization header to read anonymously',
};

/** A token this API will not accept, with the reason. */
export class TokenRefused extends Error {
  override name = 'TokenRefused';
  constructor(readonly reason: RefusalReason) {
    super(REFUSAL_MESSAGES[reason]);
  }
}

/** The reason for one of jose's verification errors, or null when the error is not about the token (the issuer could not be reached). */
export function refusalReasonOf(error: unknown): RefusalReason | null {
  if (error instanceof TokenRefused) return error.reason;
  if (error instanceof errors.JWTExpired) return 'expired';
  if (error instanceof errors.JWTClaimValidationFailed) {
    switch (error.claim) {
      case 'nbf':
      case 'iat':
        // A time in the future (iat is checked only with a maximum age); a time that is no number is malformed.
        return error.reason === 'check_failed' ? 'not yet valid' : 'malformed';
      case 'iss':
        return 'wrong issuer';
      case 'aud':
        return 'wrong audience';
      default:
        return 'malformed';
    }
  }
  if (error instanceof errors.JOSEAlgNotAllowed) return 'algorithm not allowed';
  if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys) return 'unknown key';
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'bad signature';
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid || error instanceof errors.JOSENotSupported || error instanceof errors.JWKInvalid) return 'malformed';
  return null;
}
