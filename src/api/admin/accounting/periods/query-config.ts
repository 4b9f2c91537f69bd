export const periodFields = [
  "id",
  "name",
  "start_date",
  "end_date",
  "status",
  "closed_by",
  "closed_at",
  "reopened_by",
  "reopened_at",
  "created_at",
]
export const listPeriodsQueryConfig = { defaults: periodFields, isList: true }
export const retrievePeriodQueryConfig = { defaults: periodFields, isList: false }
