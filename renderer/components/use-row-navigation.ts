import { useEffect, useRef, useState, type KeyboardEvent } from 'react';

interface RowNavigationOptions {
  readonly rowCount: number;
  /** Called when a row is clicked or Enter is pressed on it. */
  readonly onOpen: (index: number) => void;
  /** Brings a row that is not rendered into view, for virtualised tables. */
  readonly scrollToIndex?: (index: number) => void;
}

const PAGE_ROWS = 10;

/**
 * Keyboard access to the rows of a table as one tab stop: Tab reaches the active row, the
 * arrow keys, Page Up/Down, Home and End move between rows, and Enter opens one. A table of
 * 100,000 rows would otherwise cost 100,000 presses of Tab to leave.
 */
export function useRowNavigation({ rowCount, onOpen, scrollToIndex }: RowNavigationOptions) {
  const [active, setActive] = useState(0);
  const body = useRef<HTMLTableSectionElement>(null);
  const focusPending = useRef(false);
  const activeIndex = Math.min(active, Math.max(rowCount - 1, 0));

  // A virtualised row appears only after the scroll that brings it into view, so focus is
  // retried after every render until the row exists.
  useEffect(() => {
    if (!focusPending.current) return;
    const row = body.current?.querySelector<HTMLElement>(`[data-row-index="${activeIndex}"]`);
    if (row) {
      focusPending.current = false;
      row.focus({ preventScroll: scrollToIndex !== undefined });
    }
  });

  const moveTo = (index: number) => {
    const target = Math.min(Math.max(index, 0), rowCount - 1);
    setActive(target);
    focusPending.current = true;
    scrollToIndex?.(target);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLElement>, index: number) => {
    const moves: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      PageDown: index + PAGE_ROWS,
      PageUp: index - PAGE_ROWS,
      Home: 0,
      End: rowCount - 1,
    };
    const target = moves[event.key];
    if (target !== undefined) {
      event.preventDefault();
      moveTo(target);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      onOpen(index);
    }
  };

  /**
   * Props for the row at `index`. `tabbable` overrides which row takes the tab stop, for
   * virtualised tables whose active row has scrolled out of the DOM.
   */
  const rowProps = (index: number, tabbable = index === activeIndex) => ({
    tabIndex: tabbable ? 0 : -1,
    'data-row-index': index,
    onKeyDown: (event: KeyboardEvent<HTMLElement>) => onKeyDown(event, index),
    onFocus: () => setActive(index),
    onClick: () => onOpen(index),
  });

  return { bodyRef: body, activeIndex, rowProps };
}
