import { Button, FocusModal, Heading, Text } from "@medusajs/ui"
import type { ReactNode } from "react"
import { ActionError } from "./notice"

type Props = {
  open: boolean
  onOpenChange: (open: boolean) => void
  title: string
  description: string
  /** Tailwind max-width of the form column. */
  width: string
  /** Saves a draft (false) or saves and issues / posts it (true). */
  onSubmit: (final: boolean) => void
  isPending: boolean
  canSaveDraft: boolean
  canFinish: boolean
  finishLabel: string
  finishTestId?: string
  /** The refusal of the last submit, shown beside the buttons (fields show their own). */
  error?: string | null
  children: ReactNode
}

/**
 * The frame of a "create" form: the title and form, and at the bottom the
 * refusal of the last attempt right above "Save draft" and the final action.
 * The dialog is titled and described for screen readers.
 */
export const DraftFormModal = ({
  open,
  onOpenChange,
  title,
  description,
  width,
  onSubmit,
  isPending,
  canSaveDraft,
  canFinish,
  finishLabel,
  finishTestId,
  error,
  children,
}: Props) => (
  <FocusModal open={open} onOpenChange={onOpenChange}>
    <FocusModal.Content>
      <FocusModal.Header>
        <FocusModal.Title asChild>
          <Heading level="h2" className="txt-compact-medium-plus">
            {title}
          </Heading>
        </FocusModal.Title>
      </FocusModal.Header>
      <FocusModal.Body className="flex flex-col items-center overflow-y-auto py-8">
        <form
          className={`flex w-full ${width} flex-col gap-y-6`}
          onSubmit={(e) => {
            e.preventDefault()
            onSubmit(true)
          }}
          noValidate
        >
          <FocusModal.Description asChild>
            <Text size="small" className="text-ui-fg-subtle">
              {description}
            </Text>
          </FocusModal.Description>
          {children}
        </form>
      </FocusModal.Body>
      <FocusModal.Footer>
        <div className="flex w-full flex-col gap-y-2">
          <ActionError message={error} />
          <div className="flex items-center justify-end gap-x-2">
            <FocusModal.Close asChild>
              <Button size="small" variant="secondary" type="button">
                Cancel
              </Button>
            </FocusModal.Close>
            <Button
              size="small"
              variant="secondary"
              type="button"
              disabled={!canSaveDraft || isPending}
              onClick={() => onSubmit(false)}
              data-testid="save-draft"
            >
              Save draft
            </Button>
            <Button
              size="small"
              type="button"
              disabled={!canFinish}
              isLoading={isPending}
              onClick={() => onSubmit(true)}
              data-testid={finishTestId}
            >
              {finishLabel}
            </Button>
          </div>
        </div>
      </FocusModal.Footer>
    </FocusModal.Content>
  </FocusModal>
)
