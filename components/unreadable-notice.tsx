export interface UnreadableNoticeProps {
  /** Ticket fields the adapter could not read. */
  fields?: string[];
  /** Set when the page itself could not be read; says why. */
  pageError?: string;
}

/** The degraded state, always visible: the overlay says what it could not read instead of guessing or crashing. */
export function UnreadableNotice({ fields = [], pageError }: UnreadableNoticeProps) {
  if (!pageError && fields.length === 0) return null;
  return (
    <div class="tl-notice" role="status" data-testid="tl-unreadable">
      {pageError ? (
        <p>Tierline could not read this page: {pageError}</p>
      ) : (
        <p>
          Could not read: {fields.join(', ')}. The tier may be less precise; check these fields by hand.
        </p>
      )}
    </div>
  );
}
