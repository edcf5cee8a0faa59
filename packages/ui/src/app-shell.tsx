import type { ComponentType, ReactNode } from 'react';

export interface NavItem {
  href: string;
  label: string;
  icon?: ReactNode;
  /** Not there yet: shown greyed out with `note`, not a link. */
  disabled?: boolean;
  note?: string;
  /** Also active for deeper paths (`/topics` for `/topics/orders`). Default true except for "/". */
  matchPrefix?: boolean;
}

export interface NavSection {
  title?: string;
  items: readonly NavItem[];
}

export type LinkComponent = ComponentType<{ href: string; className?: string; 'aria-current'?: 'page'; children: ReactNode }>;

export interface AppShellProps {
  brand: ReactNode;
  nav: readonly NavSection[];
  /** The current path, to mark the active item. */
  pathname: string;
  /** The router's link (next/link); a plain <a> by default. */
  link?: LinkComponent;
  /** Bottom of the sidebar: the user, theme toggle, logout. */
  footer?: ReactNode;
  children: ReactNode;
}

export function isActive(item: NavItem, pathname: string): boolean {
  if (item.href === pathname) return true;
  const prefix = item.matchPrefix ?? item.href !== '/';
  return prefix && pathname.startsWith(item.href.endsWith('/') ? item.href : `${item.href}/`);
}

const PlainLink: LinkComponent = ({ href, className, children, ...rest }) => (
  <a href={href} className={className} {...rest}>
    {children}
  </a>
);

/** The console's frame: a sidebar with the brand and navigation, and the page. */
export function AppShell({ brand, nav, pathname, link: Link = PlainLink, footer, children }: AppShellProps) {
  return (
    <div className="t-shell">
      <aside className="t-sidebar">
        <div className="t-brand">{brand}</div>
        <nav className="t-nav" aria-label="Main">
          {nav.map((section, i) => (
            <div key={section.title ?? i} className="t-nav" role="group" aria-label={section.title}>
              {section.title !== undefined ? <div className="t-nav-section">{section.title}</div> : null}
              {section.items.map((item) =>
                item.disabled === true ? (
                  <span key={item.href} className="t-nav-link" aria-disabled="true" title={item.note}>
                    <span className="t-nav-icon" aria-hidden="true">
                      {item.icon}
                    </span>
                    {item.label}
                    {item.note !== undefined ? <span className="t-nav-note">{item.note}</span> : null}
                  </span>
                ) : (
                  <Link
                    key={item.href}
                    href={item.href}
                    className="t-nav-link"
                    aria-current={isActive(item, pathname) ? 'page' : undefined}
                  >
                    <span className="t-nav-icon" aria-hidden="true">
                      {item.icon}
                    </span>
                    {item.label}
                  </Link>
                ),
              )}
            </div>
          ))}
        </nav>
        {footer !== undefined ? <div className="t-sidebar-footer">{footer}</div> : null}
      </aside>
      <main className="t-main" id="main">
        {children}
      </main>
    </div>
  );
}
