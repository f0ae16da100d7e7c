'use client';

import { useState } from 'react';
import { Button } from './button';

export function CopyButton({ text, label = 'Copy' }: { text: string; label?: string }) {
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied('yes');
    } catch {
      // The clipboard needs a secure context; the text stays selectable in the page.
      setCopied('failed');
    }
    setTimeout(() => setCopied(null), 2_000);
  };
  return (
    <Button onClick={copy} data-testid="copy">
      {copied === 'yes' ? 'Copied' : copied === 'failed' ? 'Copy failed: select the text' : label}
    </Button>
  );
}
