import { css } from 'lit';

/** The cabinet's frame: the navigation panel, sections and the help area. */
export const cabinetStyles = css`
  :scope [part~='cabinet'] {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: calc(var(--lk-space, 1rem) * 1.5);
  }
  :scope [part~='header'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem var(--lk-space, 1rem);
    padding: 0.5rem var(--lk-space, 1rem);
    border: 1px solid var(--lk-color-border, #6b7785);
    border-radius: var(--lk-radius, 0.375rem);
    background: var(--lk-cabinet-header-background, var(--lk-color-surface, #fff));
  }
  :scope [part~='nav'] {
    flex: 1 1 auto;
  }
  :scope [part~='nav-list'] {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  :scope [part~='nav-item'] {
    display: block;
    margin: 0;
    padding: 0;
  }
  :scope [part~='nav-link'] {
    display: inline-flex;
    align-items: center;
    min-height: 2.75rem;
    margin: 0;
    padding: 0.375rem 0.75rem;
    border: 2px solid transparent;
    border-radius: var(--lk-radius, 0.375rem);
    background: transparent;
    color: var(--lk-color-primary, #0b5cad);
    font: inherit;
    font-weight: 600;
    text-decoration: none;
    cursor: pointer;
  }
  :scope [part~='nav-link']:hover {
    text-decoration: underline;
  }
  :scope [part~='nav-link'][aria-current='page'] {
    border-color: var(--lk-color-primary, #0b5cad);
    background: var(--lk-color-primary, #0b5cad);
    color: var(--lk-color-on-primary, #fff);
  }
  :scope :is([part~='nav-link'], [part~='section']):focus-visible {
    outline: 3px solid var(--lk-color-focus, #1d2733);
    outline-offset: 2px;
  }
  :scope [part~='section']:focus {
    outline: none;
  }
  :scope [part~='user'] {
    margin: 0;
    overflow-wrap: anywhere;
  }
  :scope :is([part~='section'], [part~='account'], [part~='pay'], [part~='connect'], [part~='welcome']) {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--lk-space, 1rem);
  }
  :scope :is([part~='welcome-text'], [part~='connect-first'], [part~='notice'], [part~='help-text']) {
    margin: 0;
  }
  :scope [part~='notice'] {
    padding: 0.75rem var(--lk-space, 1rem);
    border-inline-start: 4px solid var(--lk-color-primary, #0b5cad);
    background: var(--lk-color-surface, #fff);
  }
  :scope [part~='notice-expired'] {
    border-inline-start-color: var(--lk-color-danger, #b3261e);
  }
  :scope [part~='help'] {
    display: grid;
    gap: 0.5rem;
    padding-top: var(--lk-space, 1rem);
    border-top: 1px solid var(--lk-color-border, #6b7785);
  }
  :scope [part~='help-title'] {
    margin: 0;
    font-size: 1.125em;
  }
  :scope [part~='support-link'] {
    color: var(--lk-color-primary, #0b5cad);
    overflow-wrap: anywhere;
  }
`;
