const Sequencer = require("@jest/test-sequencer").default

/**
 * The browser test files share one demo store: they run in this order so
 * that the README screenshots of the reports and the overview are taken
 * before the refund tests void a card refund in the books only (which the
 * reconciliation then lists, by design), and access-approvals last: its
 * first grant ends the store's bootstrap and it sets approval thresholds.
 * Each file is correct on its own.
 */
const ORDER = ["reports", "widgets", "credit-memos", "journal", "periods-settings", "refunds"]
const LAST = "access-approvals"

const rank = (path) => {
  const name = path.split("/").pop().replace(/\.e2e\.[jt]s$/, "")
  const i = ORDER.indexOf(name)
  return name === LAST ? ORDER.length + 1 : i === -1 ? ORDER.length : i
}

class E2eSequencer extends Sequencer {
  sort(tests) {
    return [...tests].sort((a, b) => rank(a.path) - rank(b.path) || a.path.localeCompare(b.path))
  }
}

module.exports = E2eSequencer
