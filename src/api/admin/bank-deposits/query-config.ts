export const bankDepositFields = [
  "id",
  "number",
  "currency_code",
  "deposit_date",
  "reference",
  "memo",
  "total",
  "journal_entry_id",
  "created_by",
  "created_at",
]
export const bankDepositDetailFields = [
  ...bankDepositFields,
  "items.id",
  "items.line_no",
  "items.receipt_type",
  "items.receipt_id",
  "items.receipt_date",
  "items.description",
  "items.amount",
]
export const listBankDepositsQueryConfig = { defaults: bankDepositFields, isList: true }
export const retrieveBankDepositQueryConfig = { defaults: bankDepositDetailFields, isList: false }
