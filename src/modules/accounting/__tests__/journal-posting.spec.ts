import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import AccountingModuleService from "../service"
import { ACCOUNTS, cashSaleLines, moduleTestOptions, saleLines } from "./helpers"

jest.setTimeout(60_000)

moduleIntegrationTestRunner<AccountingModuleService>({
  ...moduleTestOptions,
  testSuite: ({ service, MikroOrmWrapper }) => {
    const raw = (sql: string, params: unknown[] = []) =>
      MikroOrmWrapper.getManager().getConnection().execute(sql, params)

    describe("posting rules", () => {
      it("seeds the default chart, mappings and sequences", async () => {
        const accounts = await service.listAccountingAccounts({}, { order: { code: "ASC" } })
        expect(accounts.map((a) => a.code)).toEqual([
          "1000",
          "1100",
          "1200",
          "1210",
          "1300",
          "2100",
          "2200",
          "2300",
          "4000",
          "4100",
          "4150",
          "4200",
          "5000",
          "5900",
          "6100",
          "6200",
        ])
        const settings = await service.getSettings()
        expect(settings.role_accounts.ar.code).toBe("1100")
        expect(settings.method_accounts.card.code).toBe("1210")
        expect(settings.sequences.map((s) => s.type)).toEqual([
          "bank_deposit",
          "credit_memo",
          "customer_deposit",
          "customer_refund",
          "journal_entry",
          "payout",
          "received_payment",
          "write_off",
        ])
      })

      it("posts a balanced entry with a number and a hash", async () => {
        const { entry, created } = await service.postEntry({
          entry_date: "2026-03-01",
          currency_code: "usd",
          lines: saleLines("100.50"),
        })
        expect(created).toBe(true)
        expect(entry).toEqual(
          expect.objectContaining({ status: "posted", number: "JE-000001", chain_seq: 1, prev_hash: null })
        )
        expect(entry.hash).toMatch(/^[0-9a-f]{64}$/)
        const lines = await service.listJournalLines({ entry_id: entry.id } as any, {
          order: { line_no: "ASC" },
        })
        expect(lines.map((l: any) => [l.account_id, l.raw_debit.value, l.raw_credit.value])).toEqual([
          [ACCOUNTS.ar, "100.5", "0"],
          [ACCOUNTS.sales, "0", "100.5"],
        ])
      })

      it("refuses an unbalanced entry with UNBALANCED_ENTRY and writes nothing", async () => {
        await expect(
          service.postEntry({
            entry_date: "2026-03-01",
            currency_code: "usd",
            lines: [
              { account_id: ACCOUNTS.ar, debit: "100.00" },
              { account_id: ACCOUNTS.sales, credit: "99.99" },
            ],
          })
        ).rejects.toMatchObject({ code: "UNBALANCED_ENTRY" })
        expect(await service.listJournalEntries({})).toHaveLength(0)
      })

      it("refuses a line with both sides or a negative side", async () => {
        await expect(
          service.postEntry({
            entry_date: "2026-03-01",
            currency_code: "usd",
            lines: [
              { account_id: ACCOUNTS.ar, debit: "10", credit: "10" },
              { account_id: ACCOUNTS.sales, credit: "0" },
            ],
          })
        ).rejects.toMatchObject({ code: "UNBALANCED_ENTRY" })
        await expect(
          service.postEntry({
            entry_date: "2026-03-01",
            currency_code: "usd",
            lines: [
              { account_id: ACCOUNTS.ar, debit: "-10" },
              { account_id: ACCOUNTS.sales, debit: "10" },
            ],
          })
        ).rejects.toMatchObject({ code: "UNBALANCED_ENTRY" })
      })

      it("keeps JPY to 0 decimals and KWD to 3", async () => {
        await expect(
          service.postEntry({ entry_date: "2026-03-01", currency_code: "jpy", lines: saleLines("1000.5") })
        ).rejects.toMatchObject({ code: "PRECISION_EXCEEDED" })
        const jpy = await service.postEntry({
          entry_date: "2026-03-01",
          currency_code: "jpy",
          lines: saleLines("1001"),
        })
        expect(jpy.entry.status).toBe("posted")

        await expect(
          service.postEntry({ entry_date: "2026-03-01", currency_code: "kwd", lines: saleLines("1.2345") })
        ).rejects.toMatchObject({ code: "PRECISION_EXCEEDED" })
        const kwd = await service.postEntry({
          entry_date: "2026-03-01",
          currency_code: "kwd",
          lines: [
            { account_id: ACCOUNTS.ar, debit: "10.125" },
            { account_id: ACCOUNTS.sales, credit: "9.2" },
            { account_id: ACCOUNTS.tax, credit: "0.925" },
          ],
        })
        expect(kwd.entry.status).toBe("posted")
      })

      it("posts a source at most once", async () => {
        const input = {
          entry_date: "2026-03-01",
          currency_code: "usd",
          source_type: "order",
          source_id: "order_1",
          source_kind: "placed",
          lines: saleLines("20"),
        }
        const first = await service.postEntry(input)
        const second = await service.postEntry(input)
        expect(second.created).toBe(false)
        expect(second.entry.id).toBe(first.entry.id)
        expect(await service.listJournalEntries({})).toHaveLength(1)
      })
    })

    describe("immutability", () => {
      it("refuses to update or delete a posted entry or its lines through the service", async () => {
        const { entry } = await service.postEntry({
          entry_date: "2026-03-01",
          currency_code: "usd",
          lines: saleLines("5"),
        })
        const [line] = await service.listJournalLines({ entry_id: entry.id } as any)
        await expect(service.updateJournalEntries({ id: entry.id, memo: "edited" })).rejects.toMatchObject({
          code: "IMMUTABLE",
        })
        await expect(service.deleteJournalEntries(entry.id)).rejects.toMatchObject({ code: "IMMUTABLE" })
        await expect(service.softDeleteJournalEntries([entry.id])).rejects.toMatchObject({
          code: "IMMUTABLE",
        })
        await expect(service.updateJournalLines({ id: line.id, debit: 6 })).rejects.toMatchObject({
          code: "IMMUTABLE",
        })
        await expect(service.deleteJournalLines([line.id])).rejects.toMatchObject({ code: "IMMUTABLE" })
        const [after] = await service.listJournalEntries({ id: entry.id })
        expect(after.memo).toBeNull()
      })

      it("refuses the same edits in the database itself", async () => {
        const { entry } = await service.postEntry({
          entry_date: "2026-03-01",
          currency_code: "usd",
          lines: saleLines("5"),
        })
        await expect(
          raw(`update accounting_journal_entry set memo = 'x' where id = ?`, [entry.id])
        ).rejects.toThrow(/IMMUTABLE/)
        await expect(raw(`delete from accounting_journal_entry where id = ?`, [entry.id])).rejects.toThrow(
          /IMMUTABLE/
        )
        await expect(
          raw(`update accounting_journal_line set debit = 6 where entry_id = ?`, [entry.id])
        ).rejects.toThrow(/IMMUTABLE/)
        await expect(
          raw(
            `insert into accounting_journal_line (id, entry_id, account_id, line_no, debit, raw_debit) values ('jel_x', ?, 'acct_1000', 9, 1, '{"value":"1"}')`,
            [entry.id]
          )
        ).rejects.toThrow(/IMMUTABLE/)
      })

      it("lets a draft be edited and deleted", async () => {
        const draft = await service.createJournalEntryDraft({
          entry_date: "2026-03-01",
          currency_code: "usd",
          lines: cashSaleLines("5"),
        })
        await service.updateJournalEntries({ id: draft.id, memo: "fixed" })
        await service.deleteJournalEntries(draft.id)
        expect(await service.listJournalEntries({ id: draft.id })).toHaveLength(0)
      })
    })

    describe("reversal", () => {
      it("posts the mirror entry, nets to zero and links both ways", async () => {
        const { entry } = await service.postEntry({
          entry_date: "2026-03-01",
          currency_code: "usd",
          lines: [
            { account_id: ACCOUNTS.ar, debit: "110", customer_id: "cus_1" },
            { account_id: ACCOUNTS.sales, credit: "100" },
            { account_id: ACCOUNTS.tax, credit: "10" },
          ],
        })
        const { original, reversal } = await service.reverseJournalEntry(entry.id, { date: "2026-03-05" })
        expect(original).toMatchObject({ status: "reversed", reversed_by_id: reversal.id })
        expect(reversal).toMatchObject({
          status: "posted",
          reversal_of_id: entry.id,
          entry_date: "2026-03-05",
        })

        const { rows } = await MikroOrmWrapper.getManager()
          .getConnection()
          .getKnex()
          .raw(
            `select account_id, sum(debit - credit) as net from accounting_journal_line group by account_id`
          )
        for (const row of rows) {
          expect(Number(row.net)).toBe(0)
        }
        await expect(service.reverseJournalEntry(entry.id, { date: "2026-03-06" })).rejects.toMatchObject({
          code: "ALREADY_REVERSED",
        })
      })

      it("refuses a reversal dated before the original", async () => {
        const { entry } = await service.postEntry({
          entry_date: "2026-03-10",
          currency_code: "usd",
          lines: saleLines("5"),
        })
        await expect(service.reverseJournalEntry(entry.id, { date: "2026-03-09" })).rejects.toMatchObject({
          code: "DATE_BEFORE_ORIGINAL",
        })
        const [still] = await service.listJournalEntries({ id: entry.id })
        expect(still.status).toBe("posted")
      })

      it("refuses to reverse an entry a subledger document posted", async () => {
        const { entry } = await service.postEntry({
          entry_date: "2026-03-10",
          currency_code: "usd",
          source_type: "credit_memo",
          source_id: "cmemo_1",
          source_kind: "issued",
          lines: saleLines("5"),
        })
        await expect(service.reverseJournalEntry(entry.id, { date: "2026-03-11" })).rejects.toMatchObject({
          code: "SUBLEDGER_ENTRY",
        })
        const [still] = await service.listJournalEntries({ id: entry.id })
        expect(still.status).toBe("posted")
      })

      it("keeps manual entries off the AR control account", async () => {
        await expect(
          service.createJournalEntryDraft({ entry_date: "2026-03-01", currency_code: "usd", lines: saleLines("5") })
        ).rejects.toMatchObject({ code: "CONTROL_ACCOUNT" })
        const draft = await service.createJournalEntryDraft({
          entry_date: "2026-03-01",
          currency_code: "usd",
          lines: cashSaleLines("5"),
        })
        await expect(
          service.updateJournalEntryDraft(draft.id, { lines: saleLines("5") })
        ).rejects.toMatchObject({ code: "CONTROL_ACCOUNT" })
      })

      it("refuses to reverse a draft", async () => {
        const draft = await service.createJournalEntryDraft({
          entry_date: "2026-03-01",
          currency_code: "usd",
          lines: cashSaleLines("5"),
        })
        await expect(service.reverseJournalEntry(draft.id, { date: "2026-03-02" })).rejects.toMatchObject({
          code: "NOT_POSTED",
        })
      })
    })

    describe("periods", () => {
      it("refuses postings and reversals into a closed period, allows them after reopening", async () => {
        const { entry } = await service.postEntry({
          entry_date: "2026-02-10",
          currency_code: "usd",
          lines: saleLines("5"),
        })
        const period = await service.createAccountingPeriod({
          name: "2026-03",
          start_date: "2026-03-01",
          end_date: "2026-03-31",
        })
        await service.closeAccountingPeriod(period.id, { actor_id: "user_1" })

        await expect(
          service.postEntry({ entry_date: "2026-03-15", currency_code: "usd", lines: saleLines("5") })
        ).rejects.toMatchObject({ code: "PERIOD_CLOSED" })
        await expect(service.reverseJournalEntry(entry.id, { date: "2026-03-02" })).rejects.toMatchObject({
          code: "PERIOD_CLOSED",
        })

        const draft = await service.createJournalEntryDraft({
          entry_date: "2026-03-20",
          currency_code: "usd",
          lines: cashSaleLines("5"),
        })
        await expect(service.postJournalEntry(draft.id)).rejects.toMatchObject({ code: "PERIOD_CLOSED" })

        await service.reopenAccountingPeriod(period.id, { actor_id: "user_2" })
        const posted = await service.postJournalEntry(draft.id)
        expect(posted.status).toBe("posted")

        const audit = await service.listAuditEvents(
          { entity_id: period.id },
          { order: { created_at: "ASC" } }
        )
        expect(audit.map((a) => [a.action, a.actor_id])).toEqual([
          ["create", null],
          ["close", "user_1"],
          ["reopen", "user_2"],
        ])
      })

      it("refuses overlapping periods", async () => {
        await service.createAccountingPeriod({ name: "Q1", start_date: "2026-01-01", end_date: "2026-03-31" })
        await expect(
          service.createAccountingPeriod({ name: "March", start_date: "2026-03-01", end_date: "2026-03-31" })
        ).rejects.toMatchObject({ code: "PERIOD_OVERLAP" })
      })
    })

    describe("numbering and the hash chain", () => {
      it("gives 20 concurrent posts 20 distinct gap-free numbers", async () => {
        const results = await Promise.all(
          Array.from({ length: 20 }, (_, i) =>
            service.postEntry({
              entry_date: "2026-03-01",
              currency_code: "usd",
              lines: saleLines(`${i + 1}`),
            })
          )
        )
        const numbers = results.map((r) => r.entry.number).sort()
        expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => `JE-${String(i + 1).padStart(6, "0")}`))
        expect(await service.verifyJournal()).toEqual({ valid: true, checked: 20 })
      })

      it("hands the number back when a posting fails", async () => {
        await service.postEntry({ entry_date: "2026-03-01", currency_code: "usd", lines: saleLines("1") })
        await expect(
          service.postEntry({
            entry_date: "2026-03-01",
            currency_code: "usd",
            lines: [
              { account_id: "acct_missing", debit: "1" },
              { account_id: ACCOUNTS.sales, credit: "1" },
            ],
          })
        ).rejects.toThrow(/does not exist/)
        const { entry } = await service.postEntry({
          entry_date: "2026-03-01",
          currency_code: "usd",
          lines: saleLines("2"),
        })
        expect(entry.number).toBe("JE-000002")
      })

      it("finds the first entry edited by raw SQL", async () => {
        const posted: string[] = []
        for (let i = 1; i <= 5; i++) {
          posted.push(
            (
              await service.postEntry({
                entry_date: "2026-03-01",
                currency_code: "usd",
                lines: saleLines(`${i}0`),
              })
            ).entry.id
          )
        }
        expect(await service.verifyJournal()).toEqual({ valid: true, checked: 5 })

        // A tamperer with superuser rights can switch the guard triggers off; the chain still tells.
        await raw(`set session_replication_role = replica`)
        await raw(
          `update accounting_journal_line set debit = 31, raw_debit = '{"value":"31","precision":20}' where entry_id = ? and debit > 0`,
          [posted[2]]
        )
        await raw(
          `update accounting_journal_line set credit = 31, raw_credit = '{"value":"31","precision":20}' where entry_id = ? and credit > 0`,
          [posted[2]]
        )
        await raw(`set session_replication_role = origin`)

        expect(await service.verifyJournal()).toMatchObject({
          valid: false,
          checked: 2,
          first_broken_id: posted[2],
          reason: "content does not match its hash",
        })
      })

      it("finds an entry deleted by raw SQL and a stored amount that differs from its exact value", async () => {
        const ids: string[] = []
        for (let i = 1; i <= 3; i++) {
          ids.push(
            (
              await service.postEntry({
                entry_date: "2026-03-01",
                currency_code: "usd",
                lines: saleLines(`${i}`),
              })
            ).entry.id
          )
        }
        await raw(`set session_replication_role = replica`)
        await raw(`update accounting_journal_line set debit = 99 where entry_id = ? and debit > 0`, [ids[0]])
        await raw(`set session_replication_role = origin`)
        expect(await service.verifyJournal()).toMatchObject({ valid: false, first_broken_id: ids[0] })

        await raw(`set session_replication_role = replica`)
        await raw(`update accounting_journal_line set debit = 1 where entry_id = ? and debit > 0`, [ids[0]])
        await raw(`delete from accounting_journal_entry where id = ?`, [ids[1]])
        await raw(`set session_replication_role = origin`)
        expect(await service.verifyJournal()).toMatchObject({
          valid: false,
          first_broken_id: ids[2],
          checked: 1,
        })
      })
    })
  },
})
