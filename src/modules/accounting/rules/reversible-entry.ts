/**
 * Whether a journal entry may be reversed by hand: only a posted entry made
 * by hand (or a manual reversal chain). An entry an order, credit memo or
 * refund posted would leave its subledger document standing: correct the
 * document instead, which reverses its entry (SUBLEDGER_ENTRY).
 */
export function isPostedBySubledger<T extends { source_type: string | null }>(
  entry: T
): entry is T & { source_type: string } {
  return !!entry.source_type && entry.source_type !== "journal_entry"
}

export function isReversibleByHand(entry: { status: string; source_type: string | null }): boolean {
  return entry.status === "posted" && !isPostedBySubledger(entry)
}
