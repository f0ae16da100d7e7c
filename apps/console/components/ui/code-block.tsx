import type { ReactNode } from 'react';

/**
 * Preformatted code on a dark panel that scrolls when it is long. It takes the keyboard focus,
 * so a person without a mouse can scroll it too (WCAG 2.1.1).
 */
export function CodeBlock({
  testId,
  className = 'max-h-96 p-3',
  children,
}: {
  testId?: string;
  /** Size and padding: the colours and scrolling are the same everywhere. */
  className?: string;
  children: ReactNode;
}) {
  return (
    <pre
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard.
      tabIndex={0}
      className={`overflow-auto rounded-md bg-slate-900 text-xs text-slate-100 focus:outline-2 focus:outline-sky-500 ${className}`}
      data-testid={testId}
    >
      {children}
    </pre>
  );
}
