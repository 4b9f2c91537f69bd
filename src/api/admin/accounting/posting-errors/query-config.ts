export const postingErrorFields = [
  "id",
  "source_type",
  "source_id",
  "event_name",
  "message",
  "code",
  "attempts",
  "status",
  "last_attempt_at",
  "next_attempt_at",
  "resolved_at",
  "created_at",
  "updated_at",
]
export const listPostingErrorsQueryConfig = { defaults: postingErrorFields, isList: true }
export const retrievePostingErrorQueryConfig = { defaults: postingErrorFields, isList: false }
