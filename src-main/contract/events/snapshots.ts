/** Events of snapshot reading. */

export interface SnapshotOpened {
  readonly kind: 'snapshot.opened';
  readonly role: string;
  readonly source: string;
  readonly columns: readonly { readonly name: string; readonly type: string }[];
  readonly from: string | null;
  readonly to: string | null;
}

/** Rows a snapshot reader could not read: counted and reported, never dropped silently. */
export interface SnapshotRejects {
  readonly kind: 'snapshot.rejects';
  readonly role: string;
  readonly source: string;
  readonly rejected: number;
  readonly read: number;
  readonly examples: readonly { readonly file: string; readonly line: number | null; readonly message: string }[];
}
