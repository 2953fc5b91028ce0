import {
  getCoreRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnDef,
  type SortingState,
} from '@tanstack/react-table';
import { useState } from 'react';

/** A tanstack table over `data` whose columns sort when their heading is activated. */
export function useSortableTable<T>(
  data: readonly T[],
  // Accessor columns of different value types only fit in one list typed with `any`, the
  // way tanstack's own examples type it.
  columns: ColumnDef<T, any>[],
) {
  const [sorting, setSorting] = useState<SortingState>([]);
  return useReactTable({
    data: data as T[],
    columns,
    state: { sorting },
    onSortingChange: setSorting,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
  });
}
