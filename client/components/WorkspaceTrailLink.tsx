import { workspacePath } from '../router/matchRoute.ts';
import { Link } from './Link.tsx';

/** The header's way back to the workspace page, named after the workspace. */
export function WorkspaceTrailLink({ workspaceId, name }: { workspaceId: string; name: string | undefined }) {
  return (
    <Link href={workspacePath(workspaceId)} className="trail-item trail-item--link">
      <span aria-hidden="true">← </span>
      {name ?? workspaceId}
    </Link>
  );
}
