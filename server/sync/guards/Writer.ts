import type { Role } from '../../../shared/access/roles.ts';
import { HEX_COLOR } from '../../../shared/taxonomy/taxonomyValues.ts';

/** Who wrote an update: the member behind the connection, as the server knows them (never the client's word). */
export interface Writer {
  memberId: string;
  /** The member record's name at connection time. */
  name: string;
  role: Role;
}


/**
 * Whether a stored person (`{ id, name, color }`, as comments, thread events and tag records carry
 * them) is the writer: the member id and the name are the member record's; the colour is the
 * writer's own choice but must be a plain hex colour (it reaches style attributes).
 */
export function namesWriter(value: unknown, writer: Writer): boolean {
  const person = value as { id?: unknown; name?: unknown; color?: unknown } | null;
  return (
    typeof person === 'object' &&
    person !== null &&
    person.id === writer.memberId &&
    person.name === writer.name &&
    typeof person.color === 'string' &&
    HEX_COLOR.test(person.color)
  );
}
