export const accountFields = [
  "id",
  "code",
  "name",
  "type",
  "description",
  "active",
  "created_at",
  "updated_at",
]

export const listAccountsQueryConfig = { defaults: accountFields, isList: true }
export const retrieveAccountQueryConfig = { defaults: accountFields, isList: false }
