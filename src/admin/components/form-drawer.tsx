import { Button, Drawer } from "@medusajs/ui"
import type { ReactNode } from "react"
import type { DescribedError } from "../lib/errors"
import { ActionError } from "./notice"

/** A refusal that belongs to no field of the form: shown beside the button. */
export const generalError = (failure: DescribedError | null | undefined) =>
  failure && !Object.keys(failure.fields ?? {}).length ? failure.message : null

/**
 * The drawer every accounting form uses: title and what the action books,
 * the fields, then Cancel and the action's button with the refusal that
 * belongs to no field beside it.
 */
export const FormDrawer = ({
  open,
  onOpenChange,
  title,
  description,
  wide,
  "data-testid": testId,
  error,
  submit,
  children,
}: {
  open: boolean
  onOpenChange: (open: boolean) => void
  title: ReactNode
  description: ReactNode
  /** Room for a table of lines or receipts. */
  wide?: boolean
  "data-testid"?: string
  error?: string | null
  submit: {
    label: string
    onClick: () => void
    isPending?: boolean
    disabled?: boolean
    variant?: "primary" | "danger"
    "data-testid": string
  }
  children: ReactNode
}) => (
  <Drawer open={open} onOpenChange={onOpenChange}>
    <Drawer.Content className={wide ? "sm:max-w-[720px]" : undefined} data-testid={testId}>
      <Drawer.Header>
        <Drawer.Title>{title}</Drawer.Title>
        <Drawer.Description className="txt-small text-ui-fg-subtle">{description}</Drawer.Description>
      </Drawer.Header>
      <Drawer.Body className="flex flex-col gap-y-4 overflow-y-auto">{children}</Drawer.Body>
      <Drawer.Footer className="flex-col items-stretch gap-y-2">
        <ActionError message={error ?? null} />
        <div className="flex justify-end gap-x-2">
          <Drawer.Close asChild>
            <Button size="small" variant="secondary">
              Cancel
            </Button>
          </Drawer.Close>
          <Button
            size="small"
            variant={submit.variant ?? "primary"}
            isLoading={submit.isPending}
            disabled={submit.disabled}
            onClick={submit.onClick}
            data-testid={submit["data-testid"]}
          >
            {submit.label}
          </Button>
        </div>
      </Drawer.Footer>
    </Drawer.Content>
  </Drawer>
)
