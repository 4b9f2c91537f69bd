import { Heading, Text, clx } from "@medusajs/ui"
import type { ReactNode } from "react"
import { Link, useLocation } from "react-router-dom"
import { NoticeProvider, PageNotice } from "./notice"

const PAGES = [
  { to: "/accounting", label: "Overview" },
  { to: "/accounting/refunds", label: "Refunds" },
  { to: "/accounting/credit-memos", label: "Credit memos" },
  { to: "/accounting/approvals", label: "Approvals" },
  { to: "/accounting/payments", label: "Payments" },
  { to: "/accounting/customer-deposits", label: "Customer deposits" },
  { to: "/accounting/payouts", label: "Payouts" },
  { to: "/accounting/bank-deposits", label: "Bank deposits" },
  { to: "/accounting/write-offs", label: "Write-offs" },
  { to: "/accounting/journal", label: "Journal" },
  { to: "/accounting/reports", label: "Reports" },
  { to: "/accounting/periods", label: "Periods" },
  { to: "/accounting/settings", label: "Settings" },
  { to: "/accounting/access", label: "Access" },
  { to: "/accounting/audit-log", label: "Audit log" },
]

/** The Accounting section's header and tabs (the sidebar lists the same pages). */
export const AccountingNav = ({ title, description }: { title: string; description?: string }) => {
  const { pathname } = useLocation()
  const current = (to: string) =>
    to === "/accounting" ? /\/accounting\/?$/.test(pathname) : pathname.includes(to)
  return (
    <div className="flex flex-col gap-y-3">
      <div>
        <Heading level="h1">{title}</Heading>
        {description && (
          <Text size="small" className="text-ui-fg-subtle">
            {description}
          </Text>
        )}
      </div>
      <nav className="flex flex-wrap gap-1" aria-label="Accounting">
        {PAGES.map((p) => (
          <Link
            key={p.to}
            to={p.to}
            aria-current={current(p.to) ? "page" : undefined}
            className={clx(
              "txt-compact-small-plus rounded-md px-3 py-1.5",
              current(p.to)
                ? "bg-ui-bg-base shadow-elevation-card-rest text-ui-fg-base"
                : "text-ui-fg-subtle hover:bg-ui-bg-base-hover"
            )}
          >
            {p.label}
          </Link>
        ))}
      </nav>
    </div>
  )
}

/** An Accounting page: header and tabs, then what just happened (the notice), then the page. */
export const AccountingPage = ({
  title,
  description,
  children,
}: {
  title: string
  description?: string
  children: ReactNode
}) => (
  <NoticeProvider>
    <div className="flex flex-col gap-y-3">
      <AccountingNav title={title} description={description} />
      <PageNotice />
      {children}
    </div>
  </NoticeProvider>
)
