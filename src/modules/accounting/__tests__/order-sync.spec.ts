import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import AccountingModuleService from "../service"
import { cashSaleLines, expectArTiesOut, glLines, moduleTestOptions, orderSnapshot, payment } from "./helpers"

jest.setTimeout(60_000)

/** The default snapshot's 231, captured in full the day after the order. */
const FULL_CAPTURE = [{ id: "capt_1", amount: 231, date: "2026-01-11" }]
/** The default snapshot's totals after one widget is returned: 100 + 10 shipping + 11 tax. */
const ONE_RETURNED = {
  item_subtotal: 100,
  shipping_subtotal: 10,
  discount_subtotal: 0,
  tax_total: 11,
  total: 121,
}

moduleIntegrationTestRunner<AccountingModuleService>({
  ...moduleTestOptions,
  testSuite: ({ service, MikroOrmWrapper }) => {
    const knex = () => MikroOrmWrapper.getManager().getConnection().getKnex()
    const docs = async () =>
      (
        await knex()
          .raw(`select doc_type, sign, (raw_amount->>'value') as amount, (raw_open_amount->>'value') as open
                           from accounting_ar_document order by document_date, created_at, doc_type`)
      ).rows.map((d: any) => [d.doc_type, d.sign, d.amount, d.open])

    it("posts an order placed and captured with the GL lines of the spec", async () => {
      await service.syncOrderLedger(orderSnapshot())
      expect(await glLines(knex(), "order", "order_1")).toEqual([
        ["1100", "231", "0"],
        ["4000", "0", "200"],
        ["4200", "0", "10"],
        ["2100", "0", "21"],
      ])
      await service.syncOrderLedger(orderSnapshot({ payments: [payment(FULL_CAPTURE)] }))
      expect(await glLines(knex(), "capture", "capt_1")).toEqual([
        ["1200", "231", "0"],
        ["1100", "0", "231"],
      ])
      expect(await docs()).toEqual([
        ["order", 1, "231", "0"],
        ["payment", -1, "231", "0"],
      ])
      await expectArTiesOut(knex())
    })

    it("seals an order's entries last, numbered in order and chained, and reports their numbers", async () => {
      const placed = await service.syncOrderLedger(orderSnapshot())
      const captured = await service.syncOrderLedger(orderSnapshot({ payments: [payment(FULL_CAPTURE)] }))
      const { rows } = await knex().raw(
        `select id, number, status, chain_seq from accounting_journal_entry order by chain_seq`
      )
      expect(rows.map((r: any) => [r.number, r.status, Number(r.chain_seq)])).toEqual([
        ["JE-000001", "posted", 1],
        ["JE-000002", "posted", 2],
      ])
      expect([...placed.posted, ...captured.posted].map((p) => [p.entry_id, p.number])).toEqual(
        rows.map((r: any) => [r.id, r.number])
      )
      expect(await service.verifyJournal()).toEqual({ valid: true, checked: 2 })
    })

    it("leaves the rest open after a partial capture and posts card captures to clearing", async () => {
      await service.syncOrderLedger(
        orderSnapshot({
          payments: [payment([{ id: "capt_1", amount: 100, date: "2026-01-11" }], [], "pp_stripe_stripe")],
        })
      )
      expect(await glLines(knex(), "capture", "capt_1")).toEqual([
        ["1210", "100", "0"],
        ["1100", "0", "100"],
      ])
      expect(await docs()).toEqual([
        ["order", 1, "231", "131"],
        ["payment", -1, "100", "0"],
      ])
      await expectArTiesOut(knex())
    })

    it("posts each source once however often and in whatever order the events arrive", async () => {
      const later = orderSnapshot({
        payments: [payment(FULL_CAPTURE)],
      })
      await Promise.all([
        service.syncOrderLedger(later),
        service.syncOrderLedger(later),
        service.syncOrderLedger(orderSnapshot()),
      ])
      await service.syncOrderLedger(later)
      const { rows } = await knex().raw(
        `select source_type, source_kind from accounting_journal_entry order by chain_seq`
      )
      expect(rows).toEqual([
        { source_type: "order", source_kind: "placed" },
        { source_type: "capture", source_kind: "captured" },
      ])
      await expectArTiesOut(knex())
    })

    it("turns a return on a paid order into an overpayment the customer can get back", async () => {
      const paid = payment(FULL_CAPTURE)
      const returned = { version: 2, change_date: "2026-01-20", totals: ONE_RETURNED }
      await service.syncOrderLedger(orderSnapshot({ payments: [paid] }))
      // One widget back: 100 + 10 tax
      await service.syncOrderLedger(orderSnapshot({ ...returned, payments: [paid] }))
      expect(await glLines(knex(), "order", "order_1")).toEqual([
        ["1100", "231", "0"],
        ["4000", "0", "200"],
        ["4200", "0", "10"],
        ["2100", "0", "21"],
        ["1100", "0", "110"],
        ["4100", "100", "0"],
        ["2100", "10", "0"],
      ])
      expect(await docs()).toEqual([
        ["order", 1, "231", "0"],
        ["payment", -1, "231", "110"],
        ["order_adjustment", -1, "110", "0"],
      ])
      // The refund of it through Medusa settles the overpayment.
      await service.syncOrderLedger(
        orderSnapshot({
          ...returned,
          payments: [payment(FULL_CAPTURE, [{ id: "ref_1", amount: 110, date: "2026-01-21" }])],
        })
      )
      expect(await glLines(knex(), "refund", "ref_1")).toEqual([
        ["1100", "110", "0"],
        ["1200", "0", "110"],
      ])
      expect((await docs()).map((d: any) => d[3])).toEqual(["0", "0", "0", "0"])
      await expectArTiesOut(knex())
    })

    it("ignores a snapshot older than what is already posted", async () => {
      await service.syncOrderLedger(
        orderSnapshot({
          version: 3,
          totals: ONE_RETURNED,
        })
      )
      const result = await service.syncOrderLedger(orderSnapshot({ version: 2 }))
      expect(result.skipped).toBe("stale snapshot")
      expect(await docs()).toEqual([["order", 1, "121", "121"]])
    })

    it("reverses the sale of an order canceled after capture and posts Medusa's refund", async () => {
      const captured = payment(FULL_CAPTURE)
      await service.syncOrderLedger(orderSnapshot({ payments: [captured] }))
      await service.syncOrderLedger(
        orderSnapshot({
          status: "canceled",
          change_date: "2026-01-12",
          credit_lines: [{ reference: "payment_collection", amount: 231 }],
          totals: {
            item_subtotal: 200,
            shipping_subtotal: 10,
            discount_subtotal: 0,
            tax_total: 21,
            total: 0,
          },
          payments: [payment(FULL_CAPTURE, [{ id: "ref_c", amount: 231, date: "2026-01-12" }])],
        })
      )
      const lines = await glLines(knex(), "order", "order_1")
      expect(lines.slice(4)).toEqual([
        ["1100", "0", "231"],
        ["4000", "200", "0"],
        ["4200", "10", "0"],
        ["2100", "21", "0"],
      ])
      expect(await glLines(knex(), "refund", "ref_c")).toEqual([
        ["1100", "231", "0"],
        ["1200", "0", "231"],
      ])
      expect((await docs()).map((d: any) => d[3])).toEqual(["0", "0", "0", "0"])
      await expectArTiesOut(knex())
    })

    it("uses the customer group's payment terms for the due date", async () => {
      await service.updateSettings({
        payment_terms: { default_days: 14, customer_groups: [{ customer_group_id: "grp_vip", days: 45 }] },
      })
      await service.syncOrderLedger(orderSnapshot())
      await service.syncOrderLedger(orderSnapshot({ id: "order_2", customer_group_ids: ["grp_vip"] }))
      const { rows } = await knex().raw(
        `select order_id, due_date from accounting_ar_document order by order_id`
      )
      expect(rows).toEqual([
        { order_id: "order_1", due_date: "2026-01-24" },
        { order_id: "order_2", due_date: "2026-02-24" },
      ])
    })

    it("records nothing when a posting fails, and keeps the error for a retry", async () => {
      const period = await service.createAccountingPeriod({
        name: "Jan",
        start_date: "2026-01-01",
        end_date: "2026-01-31",
      })
      await service.closeAccountingPeriod(period.id)
      const result = await service.syncOrderLedger(orderSnapshot({ payments: [payment(FULL_CAPTURE)] }))
      expect(result.posted).toEqual([])
      // The placement is refused; the capture that depends on it is not tried.
      expect(result.failed).toEqual([
        {
          kind: "recognition",
          id: "order_1",
          date: "2026-01-10",
          code: "PERIOD_CLOSED",
          message:
            "recognition order_1 dated 2026-01-10: 2026-01-10 falls in the closed period Jan; reopen it or use a date in an open period (turn on late_items_to_open_period to post it on the first open day)",
        },
      ])
      expect(await docs()).toEqual([])
      const first = await service.recordPostingError({
        source_type: "order",
        source_id: "order_1",
        message: "closed",
        code: "PERIOD_CLOSED",
      })
      const second = await service.recordPostingError({
        source_type: "order",
        source_id: "order_1",
        message: "closed",
        code: "PERIOD_CLOSED",
      })
      expect(second.id).toBe(first.id)
      expect(second.attempts).toBe(2)
      expect(await service.resolvePostingErrors("order", "order_1")).toBe(1)
    })

    describe("late items", () => {
      const closeJanuary = async () => {
        const period = await service.createAccountingPeriod({
          name: "January 2026",
          start_date: "2026-01-01",
          end_date: "2026-01-31",
        })
        await service.closeAccountingPeriod(period.id)
      }
      const entry = async (sourceType: string, sourceId: string) =>
        (
          await knex().raw(
            `select entry_date, original_date from accounting_journal_entry where source_type = ? and source_id = ?`,
            [sourceType, sourceId]
          )
        ).rows[0]
      const lateCapture = { id: "capt_late", amount: 100, date: "2026-01-20" }
      const februaryCapture = { id: "capt_feb", amount: 131, date: "2026-02-03" }

      it("posts the rest of the order when one capture falls in a closed period, and parks that one", async () => {
        await service.syncOrderLedger(orderSnapshot())
        await closeJanuary()
        const result = await service.syncOrderLedger(
          orderSnapshot({ payments: [payment([lateCapture, februaryCapture])] })
        )
        expect(result.posted.map((p) => p.kind)).toEqual(["capture"])
        expect(result.failed).toEqual([
          expect.objectContaining({ kind: "capture", id: "capt_late", code: "PERIOD_CLOSED" }),
        ])
        expect(result.failed![0].message).toContain("late_items_to_open_period")
        expect(await glLines(knex(), "capture", "capt_feb")).toEqual([
          ["1200", "131", "0"],
          ["1100", "0", "131"],
        ])
        expect(await glLines(knex(), "capture", "capt_late")).toEqual([])
        expect(await docs()).toEqual([
          ["order", 1, "231", "100"],
          ["payment", -1, "131", "0"],
        ])
        await expectArTiesOut(knex())
      })

      it("posts an item dated in a closed period on the first open day when the setting allows, keeping its date", async () => {
        await service.syncOrderLedger(orderSnapshot())
        await closeJanuary()
        await service.updateSettings({ late_items_to_open_period: true })
        const result = await service.syncOrderLedger(
          orderSnapshot({ payments: [payment([lateCapture, februaryCapture])] })
        )
        expect(result.failed).toBeUndefined()
        expect(await entry("capture", "capt_late")).toEqual({
          entry_date: "2026-02-01",
          original_date: "2026-01-20",
        })
        expect(await entry("capture", "capt_feb")).toEqual({ entry_date: "2026-02-03", original_date: null })
        expect(await glLines(knex(), "capture", "capt_late")).toEqual([
          ["1200", "100", "0"],
          ["1100", "0", "100"],
        ])
        expect(await docs()).toEqual([
          ["order", 1, "231", "0"],
          ["payment", -1, "100", "0"],
          ["payment", -1, "131", "0"],
        ])
        expect((await service.verifyJournal()).valid).toBe(true)
        await expectArTiesOut(knex())
      })

      it("refuses store activity on or before the lock date (PERIOD_LOCKED) and moves late items after it", async () => {
        await service.syncOrderLedger(orderSnapshot())
        await service.updateSettings({ lock_date: "2026-01-25" })
        const refused = await service.syncOrderLedger(orderSnapshot({ payments: [payment([lateCapture])] }))
        expect(refused.failed).toEqual([expect.objectContaining({ id: "capt_late", code: "PERIOD_LOCKED" })])
        await expect(
          service.postEntry({
            entry_date: "2026-01-25",
            currency_code: "usd",
            lines: cashSaleLines("5"),
          })
        ).rejects.toMatchObject({ code: "PERIOD_LOCKED" })
        await service.updateSettings({ late_items_to_open_period: true })
        await service.syncOrderLedger(orderSnapshot({ payments: [payment([lateCapture])] }))
        expect(await entry("capture", "capt_late")).toEqual({
          entry_date: "2026-01-26",
          original_date: "2026-01-20",
        })
      })
    })

    it("moves the open items of a transferred order to the new customer by a reclassification entry, and sync goes on", async () => {
      process.env.ACCOUNTING_NOW = "2026-01-15T12:00:00Z"
      try {
        const partial = payment([{ id: "capt_1", amount: 100, date: "2026-01-11" }])
        await service.syncOrderLedger(orderSnapshot({ payments: [partial] }))
        const moved = await service.syncOrderLedger(orderSnapshot({ customer_id: "cus_2", payments: [partial] }))
        expect(moved.posted.map((p) => p.kind)).toEqual(["order_transfer"])
        const { rows: lines } = await knex().raw(
          `select a.code, l.customer_id, (l.raw_debit->>'value') as debit, (l.raw_credit->>'value') as credit, e.entry_date
             from accounting_journal_line l join accounting_journal_entry e on e.id = l.entry_id
             join accounting_account a on a.id = l.account_id
            where e.source_type = 'order_transfer' order by l.line_no`
        )
        expect(lines.map((l: any) => [l.code, l.customer_id, l.debit, l.credit, l.entry_date])).toEqual([
          ["1100", "cus_2", "131", "0", "2026-01-15"],
          ["1100", "cus_1", "0", "131", "2026-01-15"],
        ])
        // Delivered again: nothing more moves.
        const again = await service.syncOrderLedger(orderSnapshot({ customer_id: "cus_2", payments: [partial] }))
        expect(again.posted).toEqual([])
        // The rest is paid by the new customer and settles the moved receivable.
        await service.syncOrderLedger(
          orderSnapshot({
            customer_id: "cus_2",
            payments: [payment([...partial.captures, { id: "capt_2", amount: 131, date: "2026-01-20" }])],
          })
        )
        const { rows: docs } = await knex().raw(
          `select doc_type, customer_id, sign, (raw_amount->>'value') as amount, (raw_open_amount->>'value') as open
             from accounting_ar_document order by created_at, sign desc`
        )
        expect(docs.map((d: any) => [d.doc_type, d.customer_id, d.sign, d.amount, d.open])).toEqual([
          ["order", "cus_1", 1, "231", "0"],
          ["payment", "cus_1", -1, "100", "0"],
          ["transfer", "cus_2", 1, "131", "0"],
          ["transfer", "cus_1", -1, "131", "0"],
          ["payment", "cus_2", -1, "131", "0"],
        ])
        // Per customer, the GL's AR lines equal the open items (both zero now).
        const { rows: perCustomer } = await knex().raw(
          `select l.customer_id, sum(l.debit - l.credit)::text as balance from accounting_journal_line l
            where l.account_id = 'acct_1100' group by l.customer_id order by l.customer_id`
        )
        expect(perCustomer).toEqual([
          { customer_id: "cus_1", balance: "0" },
          { customer_id: "cus_2", balance: "0" },
        ])
        await expectArTiesOut(knex())
      } finally {
        delete process.env.ACCOUNTING_NOW
      }
    })

    it("computes everything but writes nothing on a dry run", async () => {
      const result = await service.syncOrderLedger(orderSnapshot(), { dry_run: true })
      expect(result.posted.map((p) => p.kind)).toEqual(["recognition"])
      expect(await docs()).toEqual([])
    })
  },
})
