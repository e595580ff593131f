import type { ComponentChildren } from 'preact';

/** A titled part of a page; its heading labels it for screen readers. */
export function Section({ id, title, children }: { id: string; title: string; children: ComponentChildren }) {
  return (
    <section aria-labelledby={`${id}-title`} class="card">
      <h2 id={`${id}-title`}>{title}</h2>
      {children}
    </section>
  );
}
