import Link from 'next/link';
import type { ComponentProps } from 'react';

/**
 * A link inside a sentence: underlined as well as coloured, so it stands out from the words
 * around it without relying on colour (WCAG 1.4.1). Links alone in a table cell need no underline.
 */
export function TextLink({ className = '', ...props }: ComponentProps<typeof Link>) {
  return (
    <Link
      className={`text-sky-700 underline decoration-sky-700/40 underline-offset-2 hover:decoration-sky-700 ${className}`}
      {...props}
    />
  );
}
