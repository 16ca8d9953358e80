/**
 * The path of an invite link. The token travels in the fragment, which browsers never send to the
 * server, so it does not land in access logs or Referer headers.
 */
export const INVITE_PATH = '/invite';

export function invitePath(token: string): string {
  return `${INVITE_PATH}#${token}`;
}
