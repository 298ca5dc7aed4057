import { type ReactNode, useEffect, useRef } from 'react';

/**
 * What an action did, or why it was refused: announced (role status or alert) and given the focus, so
 * a keyboard or screen-reader user is taken to what changed instead of being left where they clicked.
 * A new `focusKey` (the message's text, usually) moves the focus again.
 */
export function Message({
  kind,
  focusKey,
  children,
  className,
  testId,
}: {
  kind: 'status' | 'alert';
  focusKey: unknown;
  children: ReactNode;
  className?: string;
  testId?: string;
}) {
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (focusKey !== null && focusKey !== undefined) ref.current?.focus();
  }, [focusKey]);
  return (
    <p
      ref={ref}
      tabIndex={-1}
      role={kind}
      className={className ?? (kind === 'alert' ? 'error' : 'notice')}
      data-testid={testId}
    >
      {children}
    </p>
  );
}
