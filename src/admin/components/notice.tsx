import { Alert, Text } from "@medusajs/ui"
import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from "react"

type Notice = { kind: "success" | "error"; text: string; key: number }

const NoticeContext = createContext<{
  notice: Notice | null
  show: (kind: Notice["kind"], text: string) => void
} | null>(null)

/**
 * What just happened on a page ("CM-00004 issued", or a refusal of an action
 * taken from a row menu), shown under the page header where it covers no
 * button, unlike a toast in the corner. Success fades after a few seconds.
 */
export const NoticeProvider = ({ children }: { children: ReactNode }) => {
  const [notice, setNotice] = useState<Notice | null>(null)
  const counter = useRef(0)
  const show = useCallback((kind: Notice["kind"], text: string) => {
    counter.current += 1
    setNotice({ kind, text, key: counter.current })
  }, [])
  useEffect(() => {
    if (notice?.kind === "success") {
      const timer = setTimeout(() => setNotice((n) => (n?.key === notice.key ? null : n)), 6000)
      return () => clearTimeout(timer)
    }
  }, [notice])
  return <NoticeContext.Provider value={{ notice, show }}>{children}</NoticeContext.Provider>
}

/** Where a page shows its notice: under its header. */
export const PageNotice = () => {
  const notice = useContext(NoticeContext)?.notice
  return (
    <div aria-live="polite">
      {notice && (
        <Alert
          key={notice.key}
          variant={notice.kind}
          dismissible
          data-testid={notice.kind === "success" ? "notice-success" : "notice-error"}
        >
          <Text size="small">{notice.text}</Text>
        </Alert>
      )}
    </div>
  )
}

export function useNotice() {
  const context = useContext(NoticeContext)
  return {
    success: (text: string) => context?.show("success", text),
    error: (text: string) => context?.show("error", text),
  }
}

/** A refusal shown where the action is (a form's footer, a drawer), in plain words. */
export const ActionError = ({ message }: { message: string | null | undefined }) =>
  message ? (
    <Alert variant="error" data-testid="action-error">
      <Text size="small">{message}</Text>
    </Alert>
  ) : null
