import type { ReactNode } from 'react';
import { IdentityButton } from './IdentityButton.tsx';
import { Link } from './Link.tsx';

interface Props {
  /** Where "Normspace" leads (the workspace home). */
  homeHref: string;
  /** Breadcrumb after the brand, e.g. the workspace name. */
  trail?: ReactNode;
  children?: ReactNode;
}

/** The top bar of every page: brand and location on the left, live state and you on the right. */
export function AppHeader({ homeHref, trail, children }: Props) {
  return (
    <header className="app-header">
      <nav className="app-header__trail" aria-label="Location">
        <Link href={homeHref} className="brand">
          <span className="brand__mark" aria-hidden="true">N</span>
          <span className="brand__name">Normspace</span>
        </Link>
        {trail}
      </nav>
      <div className="app-header__side">
        {children}
        <IdentityButton />
      </div>
    </header>
  );
}
