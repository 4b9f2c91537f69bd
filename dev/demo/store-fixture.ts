import type { BigNumberInput, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MathBN, Modules } from "@medusajs/framework/utils"
import {
  addShippingMethodToCartWorkflow,
  beginOrderEditOrderWorkflow,
  beginReceiveReturnWorkflow,
  beginReturnOrderWorkflow,
  cancelOrderWorkflow,
  capturePaymentWorkflow,
  completeCartWorkflow,
  confirmOrderEditRequestWorkflow,
  confirmReturnReceiveWorkflow,
  confirmReturnRequestWorkflow,
  createCartWorkflow,
  createCustomerGroupsWorkflow,
  createCustomersWorkflow,
  createLinksWorkflow,
  createLocationFulfillmentSetWorkflow,
  createOrderFulfillmentWorkflow,
  createPaymentCollectionForCartWorkflow,
  createPaymentSessionsWorkflow,
  createProductsWorkflow,
  createPromotionsWorkflow,
  createRegionsWorkflow,
  createSalesChannelsWorkflow,
  createServiceZonesWorkflow,
  createShippingOptionsWorkflow,
  createShippingProfilesWorkflow,
  createStockLocationsWorkflow,
  createTaxRegionsWorkflow,
  linkCustomerGroupsToCustomerWorkflow,
  linkSalesChannelsToStockLocationWorkflow,
  orderEditUpdateItemQuantityWorkflow,
  receiveItemReturnRequestWorkflow,
  refundPaymentWorkflow,
  requestItemReturnWorkflow,
  requestOrderEditRequestWorkflow,
  updateRegionsWorkflow,
  updateStoresWorkflow,
} from "@medusajs/medusa/core-flows"

/**
 * A small, real store for the demo seed (`medusa exec`) and the HTTP tests.
 * Everything goes through Medusa's own workflows so that the events our
 * subscribers listen to (order.placed, payment.captured, ...) fire exactly as
 * they do in a live store. No business data is written with SQL here.
 */

export const PAYMENT_PROVIDER_ID = "pp_system_default"
export const FULFILLMENT_PROVIDER_ID = "manual_manual"
export const TAX_PROVIDER_ID = "tp_system"
export const DEFAULT_TAX_RATE = 10

const STOCK_LOCATION_NAME = "Demo Warehouse"
const FULFILLMENT_SET_NAME = "Demo Warehouse shipping"
const DEFAULT_SALES_CHANNEL_NAME = "Default Sales Channel"

type CurrencySetup = {
  country_code: string
  region_name: string
  /** Flat shipping price in major units, as Medusa stores prices. */
  shipping_amount: number
  address: { address_1: string; city: string; postal_code: string }
}

/** The currencies the fixture knows how to set up, one region/country each. */
const CURRENCIES: Record<string, CurrencySetup> = {
  usd: {
    country_code: "us",
    region_name: "Demo United States",
    shipping_amount: 10,
    address: { address_1: "1 Main Street", city: "Springfield", postal_code: "12345" },
  },
  eur: {
    country_code: "de",
    region_name: "Demo Germany",
    shipping_amount: 10,
    address: { address_1: "Hauptstrasse 1", city: "Berlin", postal_code: "10115" },
  },
  jpy: {
    country_code: "jp",
    region_name: "Demo Japan",
    shipping_amount: 1000,
    address: { address_1: "1-1 Chiyoda", city: "Tokyo", postal_code: "100-0001" },
  },
  kwd: {
    country_code: "kw",
    region_name: "Demo Kuwait",
    shipping_amount: 3,
    address: { address_1: "Gulf Road 1", city: "Kuwait City", postal_code: "13001" },
  },
}

export const DEMO_CURRENCIES = Object.keys(CURRENCIES)

type ProductSetup = {
  key: "widget" | "gadget"
  title: string
  handle: string
  sku: string
  prices: Record<string, number>
}

// Prices in every known currency, so a later call with more currencies needs no repricing.
const PRODUCTS: ProductSetup[] = [
  {
    key: "widget",
    title: "Widget",
    handle: "demo-widget",
    sku: "DEMO-WIDGET",
    prices: { usd: 100, eur: 90, jpy: 12000, kwd: 30.5 },
  },
  {
    key: "gadget",
    title: "Gadget",
    handle: "demo-gadget",
    sku: "DEMO-GADGET",
    prices: { usd: 49.99, eur: 45, jpy: 6500, kwd: 15.25 },
  },
]

export type StoreFixture = {
  store_id: string
  sales_channel_id: string
  stock_location_id: string
  shipping_profile_id: string
  fulfillment_set_id: string
  currencies: string[]
  /** By currency code. */
  regions: Record<string, { id: string; country_code: string }>
  /** By currency code. */
  shipping_option_ids: Record<string, string>
  product_ids: Record<ProductSetup["key"], string>
  variant_ids: Record<ProductSetup["key"], string>
}

type GraphConfig = { entity: string; fields: string[]; filters?: Record<string, unknown> }

/**
 * query.graph, typed by the caller. Without generated `.medusa/types` Query
 * cannot know the shape, so T describes the fields we ask for.
 */
async function graph<T>(container: MedusaContainer, config: GraphConfig): Promise<T[]> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph(config)
  return data as T[]
}

type IdRow = { id: string }

// Query gives BigNumber instances for computed totals, the summary and quantities,
// but plain numbers for payment amounts; this makes them all plain numbers
// (major units, as the Admin API serializes them). For reading, never for money arithmetic.
const num = (value: BigNumberInput | null | undefined): number =>
  value == null ? 0 : MathBN.convert(value).toNumber()

function currencySetup(currency_code: string): CurrencySetup {
  const setup = CURRENCIES[currency_code.toLowerCase()]
  if (!setup) {
    throw new Error(
      `store-fixture: no demo setup for currency "${currency_code}" (known: ${DEMO_CURRENCIES.join(", ")})`
    )
  }
  return setup
}

// ---------------------------------------------------------------------------
// ensureStore
// ---------------------------------------------------------------------------

/**
 * Idempotent: finds what exists (by name, handle, country) and creates the rest.
 * Not safe against two concurrent first runs; call it once per process.
 */
export async function ensureStore(
  container: MedusaContainer,
  { currencies }: { currencies: string[] }
): Promise<StoreFixture> {
  const codes = [...new Set(currencies.map((c) => c.toLowerCase()))]
  codes.forEach(currencySetup) // fail fast on an unknown currency

  const store = await ensureCurrencies(container, codes)
  const sales_channel_id = await ensureDefaultSalesChannel(container, store)
  const regions = await ensureRegions(container, codes)
  await ensureTaxRegions(container, codes)
  const shipping_profile_id = await ensureShippingProfile(container)
  const location = await ensureStockLocation(container, sales_channel_id)
  const zones = await ensureServiceZones(container, location.fulfillment_set_id, codes)
  const shipping_option_ids = await ensureShippingOptions(container, {
    codes,
    regions,
    zones,
    shipping_profile_id,
  })
  const products = await ensureProducts(container, { sales_channel_id, shipping_profile_id })

  return {
    store_id: store.id,
    sales_channel_id,
    stock_location_id: location.id,
    shipping_profile_id,
    fulfillment_set_id: location.fulfillment_set_id,
    currencies: codes,
    regions,
    shipping_option_ids,
    product_ids: products.product_ids,
    variant_ids: products.variant_ids,
  }
}

type StoreRow = {
  id: string
  default_sales_channel_id: string | null
  supported_currencies: { currency_code: string; is_default: boolean }[]
}

/** Adds the missing currencies, keeping the existing ones and the default (EUR in a fresh store). */
async function ensureCurrencies(container: MedusaContainer, codes: string[]): Promise<StoreRow> {
  const [store] = await graph<StoreRow>(container, {
    entity: "store",
    fields: [
      "id",
      "default_sales_channel_id",
      "supported_currencies.currency_code",
      "supported_currencies.is_default",
    ],
  })
  if (!store) {
    throw new Error("store-fixture: no store found (the app creates one on boot)")
  }
  const existing = store.supported_currencies ?? []
  const missing = codes.filter((c) => !existing.some((e) => e.currency_code === c))
  if (!missing.length) {
    return store
  }
  const hasDefault = existing.some((e) => e.is_default)
  // The update replaces the whole list, so resend the existing currencies too.
  const supported_currencies = [
    ...existing.map((e) => ({ currency_code: e.currency_code, is_default: e.is_default })),
    ...missing.map((c, i) => ({ currency_code: c, is_default: !hasDefault && i === 0 })),
  ]
  await updateStoresWorkflow(container).run({
    input: { selector: { id: store.id }, update: { supported_currencies } },
  })
  return { ...store, supported_currencies }
}

async function ensureDefaultSalesChannel(container: MedusaContainer, store: StoreRow): Promise<string> {
  if (store.default_sales_channel_id) {
    return store.default_sales_channel_id
  }
  const { result } = await createSalesChannelsWorkflow(container).run({
    input: { salesChannelsData: [{ name: DEFAULT_SALES_CHANNEL_NAME }] },
  })
  await updateStoresWorkflow(container).run({
    input: { selector: { id: store.id }, update: { default_sales_channel_id: result[0].id } },
  })
  return result[0].id
}

type RegionRow = {
  id: string
  currency_code: string
  countries: { iso_2: string }[]
  payment_providers: { id: string }[]
}

/** One region per currency; a country can belong to one region only, so look regions up by country. */
async function ensureRegions(container: MedusaContainer, codes: string[]): Promise<StoreFixture["regions"]> {
  const rows = await graph<RegionRow>(container, {
    entity: "region",
    fields: ["id", "currency_code", "countries.iso_2", "payment_providers.id"],
  })
  const regions: StoreFixture["regions"] = {}

  for (const code of codes) {
    const { country_code, region_name } = currencySetup(code)
    const existing = rows.find((r) => r.countries?.some((c) => c.iso_2 === country_code))
    if (existing) {
      if (existing.currency_code !== code) {
        throw new Error(
          `store-fixture: country "${country_code}" already belongs to region ${existing.id} in ${existing.currency_code}, not ${code}`
        )
      }
      await ensureRegionPaymentProvider(container, existing)
      regions[code] = { id: existing.id, country_code }
      continue
    }
    const { result } = await createRegionsWorkflow(container).run({
      input: {
        regions: [
          {
            name: region_name,
            currency_code: code,
            countries: [country_code],
            payment_providers: [PAYMENT_PROVIDER_ID],
          },
        ],
      },
    })
    regions[code] = { id: result[0].id, country_code }
  }
  return regions
}

async function ensureRegionPaymentProvider(
  container: MedusaContainer,
  region: RegionRow,
  providerId = PAYMENT_PROVIDER_ID
): Promise<void> {
  const providers = (region.payment_providers ?? []).map((p) => p.id)
  if (providers.includes(providerId)) {
    return
  }
  await updateRegionsWorkflow(container).run({
    input: {
      selector: { id: region.id },
      update: { payment_providers: [...providers, providerId] },
    },
  })
}

/** Lets the region of a currency take payments through another provider (e.g. a test double). */
export async function enablePaymentProvider(
  container: MedusaContainer,
  fixture: StoreFixture,
  currency_code: string,
  provider_id: string
): Promise<void> {
  const [region] = await graph<RegionRow>(container, {
    entity: "region",
    fields: ["id", "currency_code", "countries.iso_2", "payment_providers.id"],
    filters: { id: fixture.regions[currency_code.toLowerCase()].id },
  })
  await ensureRegionPaymentProvider(container, region, provider_id)
}

/** A country-level tax region with a default rate, so orders carry tax lines. */
async function ensureTaxRegions(container: MedusaContainer, codes: string[]): Promise<void> {
  const taxRegions = await graph<{ country_code: string; parent_id: string | null }>(container, {
    entity: "tax_region",
    fields: ["id", "country_code", "parent_id"],
  })
  const countries = new Set(taxRegions.filter((t) => !t.parent_id).map((t) => t.country_code))
  const missing = codes.map((c) => currencySetup(c).country_code).filter((cc) => !countries.has(cc))
  if (!missing.length) {
    return
  }
  await createTaxRegionsWorkflow(container).run({
    input: missing.map((country_code) => ({
      country_code,
      provider_id: TAX_PROVIDER_ID,
      default_tax_rate: { rate: DEFAULT_TAX_RATE, code: "default", name: "Default" },
    })),
  })
}

async function ensureShippingProfile(container: MedusaContainer): Promise<string> {
  const [profile] = await graph<IdRow>(container, {
    entity: "shipping_profile",
    fields: ["id"],
    filters: { type: "default" },
  })
  if (profile) {
    return profile.id
  }
  const { result } = await createShippingProfilesWorkflow(container).run({
    input: { data: [{ name: "Default Shipping Profile", type: "default" }] },
  })
  return result[0].id
}

type LocationRow = {
  id: string
  sales_channels?: { id: string }[]
  fulfillment_providers?: { id: string }[]
  fulfillment_sets?: { id: string; name: string }[]
}

/** The warehouse: sold through the sales channel, shipped by the manual provider, with one fulfillment set. */
async function ensureStockLocation(
  container: MedusaContainer,
  sales_channel_id: string
): Promise<{ id: string; fulfillment_set_id: string }> {
  const fields = [
    "id",
    "sales_channels.id",
    "fulfillment_providers.id",
    "fulfillment_sets.id",
    "fulfillment_sets.name",
  ]
  const read = (filters: Record<string, unknown>) =>
    graph<LocationRow>(container, { entity: "stock_location", fields, filters })
  let [location] = await read({ name: STOCK_LOCATION_NAME })

  if (!location) {
    await createStockLocationsWorkflow(container).run({
      input: {
        locations: [
          {
            name: STOCK_LOCATION_NAME,
            address: { address_1: "1 Warehouse Way", city: "Springfield", country_code: "us" },
          },
        ],
      },
    })
    ;[location] = await read({ name: STOCK_LOCATION_NAME })
  }

  if (!location.sales_channels?.some((s) => s.id === sales_channel_id)) {
    await linkSalesChannelsToStockLocationWorkflow(container).run({
      input: { id: location.id, add: [sales_channel_id] },
    })
  }
  if (!location.fulfillment_providers?.some((p) => p.id === FULFILLMENT_PROVIDER_ID)) {
    await createLinksWorkflow(container).run({
      input: [
        {
          [Modules.STOCK_LOCATION]: { stock_location_id: location.id },
          [Modules.FULFILLMENT]: { fulfillment_provider_id: FULFILLMENT_PROVIDER_ID },
        },
      ],
    })
  }

  let fulfillmentSet = location.fulfillment_sets?.find((f) => f.name === FULFILLMENT_SET_NAME)
  if (!fulfillmentSet) {
    await createLocationFulfillmentSetWorkflow(container).run({
      input: {
        location_id: location.id,
        fulfillment_set_data: { name: FULFILLMENT_SET_NAME, type: "shipping" },
      },
    })
    const [again] = await read({ id: location.id })
    fulfillmentSet = again?.fulfillment_sets?.find((f) => f.name === FULFILLMENT_SET_NAME)
  }
  if (!fulfillmentSet) {
    throw new Error("store-fixture: the fulfillment set was not created")
  }
  return { id: location.id, fulfillment_set_id: fulfillmentSet.id }
}

const zoneName = (country_code: string) => `Demo zone ${country_code.toUpperCase()}`

/** One service zone per country, so adding a currency later only adds a zone. Returns zone ids by currency. */
async function ensureServiceZones(
  container: MedusaContainer,
  fulfillment_set_id: string,
  codes: string[]
): Promise<Record<string, string>> {
  const readZones = async () => {
    const [set] = await graph<{ service_zones?: { id: string; name: string }[] }>(container, {
      entity: "fulfillment_set",
      fields: ["id", "service_zones.id", "service_zones.name"],
      filters: { id: fulfillment_set_id },
    })
    return set?.service_zones ?? []
  }
  let zones = await readZones()
  const missing = codes.filter((c) => !zones.some((z) => z.name === zoneName(currencySetup(c).country_code)))
  if (missing.length) {
    await createServiceZonesWorkflow(container).run({
      input: {
        data: missing.map((c) => {
          const { country_code } = currencySetup(c)
          return {
            fulfillment_set_id,
            name: zoneName(country_code),
            geo_zones: [{ type: "country" as const, country_code }],
          }
        }),
      },
    })
    zones = await readZones()
  }
  return Object.fromEntries(
    codes.map((c) => {
      const zone = zones.find((z) => z.name === zoneName(currencySetup(c).country_code))
      if (!zone) {
        throw new Error(`store-fixture: service zone for ${c} was not created`)
      }
      return [c, zone.id]
    })
  )
}

const shippingOptionName = (code: string) => `Demo Standard ${code.toUpperCase()}`

/** A flat-rate, storefront-enabled option per region (the rules are what the store API filters on). */
async function ensureShippingOptions(
  container: MedusaContainer,
  input: {
    codes: string[]
    regions: StoreFixture["regions"]
    zones: Record<string, string>
    shipping_profile_id: string
  }
): Promise<Record<string, string>> {
  const names = input.codes.map(shippingOptionName)
  const options = await graph<{ id: string; name: string }>(container, {
    entity: "shipping_option",
    fields: ["id", "name"],
    filters: { name: names },
  })
  const existing = new Map(options.map((o) => [o.name, o.id]))
  const missing = input.codes.filter((c) => !existing.has(shippingOptionName(c)))

  if (missing.length) {
    const { result } = await createShippingOptionsWorkflow(container).run({
      input: missing.map((code) => {
        const amount = currencySetup(code).shipping_amount
        return {
          name: shippingOptionName(code),
          price_type: "flat" as const,
          provider_id: FULFILLMENT_PROVIDER_ID,
          service_zone_id: input.zones[code],
          shipping_profile_id: input.shipping_profile_id,
          type: { label: "Standard", description: "Ships in 2-3 days.", code: "standard" },
          prices: [
            { currency_code: code, amount },
            { region_id: input.regions[code].id, amount },
          ],
          rules: [
            { attribute: "enabled_in_store", value: "true", operator: "eq" as const },
            { attribute: "is_return", value: "false", operator: "eq" as const },
          ],
        }
      }),
    })
    result.forEach((o) => existing.set(o.name, o.id))
  }
  return Object.fromEntries(input.codes.map((c) => [c, existing.get(shippingOptionName(c)) as string]))
}

/** Single-variant products priced in every known currency, without inventory tracking. */
async function ensureProducts(
  container: MedusaContainer,
  input: { sales_channel_id: string; shipping_profile_id: string }
): Promise<Pick<StoreFixture, "product_ids" | "variant_ids">> {
  const read = () =>
    graph<{ id: string; handle: string; variants: { id: string; sku: string }[] }>(container, {
      entity: "product",
      fields: ["id", "handle", "variants.id", "variants.sku"],
      filters: { handle: PRODUCTS.map((p) => p.handle) },
    })
  let rows = await read()
  const missing = PRODUCTS.filter((p) => !rows.some((r) => r.handle === p.handle))

  if (missing.length) {
    await createProductsWorkflow(container).run({
      input: {
        products: missing.map((p) => ({
          title: p.title,
          handle: p.handle,
          status: "published" as const,
          shipping_profile_id: input.shipping_profile_id,
          sales_channels: [{ id: input.sales_channel_id }],
          options: [{ title: "Default", values: ["Default"] }],
          variants: [
            {
              title: p.title,
              sku: p.sku,
              manage_inventory: false,
              options: { Default: "Default" },
              prices: Object.entries(p.prices).map(([currency_code, amount]) => ({ currency_code, amount })),
            },
          ],
        })),
      },
    })
    rows = await read()
  }

  const product_ids = {} as StoreFixture["product_ids"]
  const variant_ids = {} as StoreFixture["variant_ids"]
  for (const p of PRODUCTS) {
    const row = rows.find((r) => r.handle === p.handle)
    const variant = row?.variants.find((v) => v.sku === p.sku) ?? row?.variants[0]
    if (!row || !variant) {
      throw new Error(`store-fixture: product ${p.handle} has no variant`)
    }
    product_ids[p.key] = row.id
    variant_ids[p.key] = variant.id
  }
  return { product_ids, variant_ids }
}

// ---------------------------------------------------------------------------
// Customers and promotions
// ---------------------------------------------------------------------------

export type FixtureCustomer = {
  id: string
  email: string
  first_name: string | null
  last_name: string | null
}

/**
 * A registered customer (has_account: true, as after storefront sign-up; the
 * loyalty plugin only refunds store credit to those). Reuses an existing
 * registered customer with the same email so the seed can be re-run.
 */
export async function createCustomer(
  container: MedusaContainer,
  input: { email: string; first_name: string; last_name: string; group_ids?: string[] }
): Promise<FixtureCustomer> {
  let [customer] = await graph<FixtureCustomer & { groups?: IdRow[] }>(container, {
    entity: "customer",
    fields: ["id", "email", "first_name", "last_name", "groups.id"],
    filters: { email: input.email, has_account: true },
  })

  if (!customer) {
    const { result } = await createCustomersWorkflow(container).run({
      input: {
        customersData: [
          { email: input.email, first_name: input.first_name, last_name: input.last_name, has_account: true },
        ],
      },
    })
    customer = { ...result[0], groups: [] }
  }

  const toAdd = (input.group_ids ?? []).filter((g) => !customer!.groups?.some((x) => x.id === g))
  if (toAdd.length) {
    await linkCustomerGroupsToCustomerWorkflow(container).run({ input: { id: customer.id, add: toAdd } })
  }
  return {
    id: customer.id,
    email: customer.email,
    first_name: customer.first_name,
    last_name: customer.last_name,
  }
}

/** Reuses a group with the same name. Returns the group id. */
export async function createCustomerGroup(container: MedusaContainer, name: string): Promise<string> {
  const [group] = await graph<IdRow>(container, {
    entity: "customer_group",
    fields: ["id"],
    filters: { name },
  })
  if (group) {
    return group.id
  }
  const { result } = await createCustomerGroupsWorkflow(container).run({
    input: { customersData: [{ name }] },
  })
  return result[0].id
}

/**
 * An active, order-wide percentage promotion (for `placeOrder`'s promo_code).
 * Reuses an existing promotion with the same code.
 */
export async function ensurePercentagePromotion(
  container: MedusaContainer,
  { code, percentage }: { code: string; percentage: number }
): Promise<string> {
  const [promotion] = await graph<IdRow>(container, {
    entity: "promotion",
    fields: ["id"],
    filters: { code },
  })
  if (promotion) {
    return promotion.id
  }
  const { result } = await createPromotionsWorkflow(container).run({
    input: {
      promotionsData: [
        {
          code,
          type: "standard",
          status: "active",
          application_method: {
            type: "percentage",
            target_type: "order",
            allocation: "across",
            value: percentage,
          },
        },
      ],
    },
  })
  return result[0].id
}

// ---------------------------------------------------------------------------
// Checkout
// ---------------------------------------------------------------------------

export type PlaceOrderInput = {
  customer_id: string
  email: string
  currency_code: string
  items: { variant_id: string; quantity: number }[]
  promo_code?: string
  /** Defaults to the system provider (payments stay authorized until captured). */
  provider_id?: string
}

export type PlacedOrder = {
  order_id: string
  cart_id: string
  payment_id: string
  payment_collection_id: string
  /** As Query returns it: a number in major units. */
  total: number
}

/**
 * Checks out like a storefront: cart → shipping method → payment collection
 * and session → completeCartWorkflow (emits order.placed). The system payment
 * provider leaves the payment authorized, not captured.
 */
export async function placeOrder(
  container: MedusaContainer,
  fixture: StoreFixture,
  input: PlaceOrderInput
): Promise<PlacedOrder> {
  const code = input.currency_code.toLowerCase()
  const region = fixture.regions[code]
  const shipping_option_id = fixture.shipping_option_ids[code]
  if (!region || !shipping_option_id) {
    throw new Error(`store-fixture: the fixture has no region for ${code}; pass it to ensureStore`)
  }
  const { address } = currencySetup(code)
  const customerAddress = {
    first_name: "Demo",
    last_name: "Customer",
    ...address,
    country_code: region.country_code,
  }

  const { result: cart } = await createCartWorkflow(container).run({
    input: {
      region_id: region.id,
      currency_code: code,
      sales_channel_id: fixture.sales_channel_id,
      customer_id: input.customer_id,
      email: input.email,
      shipping_address: customerAddress,
      billing_address: customerAddress,
      items: input.items,
      promo_codes: input.promo_code ? [input.promo_code] : undefined,
    },
  })
  await addShippingMethodToCartWorkflow(container).run({
    input: { cart_id: cart.id, options: [{ id: shipping_option_id }] },
  })
  const { result: collection } = await createPaymentCollectionForCartWorkflow(container).run({
    input: { cart_id: cart.id },
  })
  await createPaymentSessionsWorkflow(container).run({
    input: { payment_collection_id: collection.id, provider_id: input.provider_id ?? PAYMENT_PROVIDER_ID },
  })
  const { result: placed } = await completeCartWorkflow(container).run({ input: { id: cart.id } })

  const order = await getOrderTotals(container, placed.id)
  const payment = order.payment_collections.flatMap((pc) => pc.payments)[0]
  if (!payment) {
    throw new Error(`store-fixture: order ${placed.id} has no payment`)
  }
  return {
    order_id: order.id,
    cart_id: cart.id,
    payment_id: payment.id,
    payment_collection_id: collection.id,
    total: order.total,
  }
}

// ---------------------------------------------------------------------------
// Payments and order lifecycle
// ---------------------------------------------------------------------------

/** Emits payment.captured. Without an amount, captures what is left of the authorization. */
export async function capturePayment(container: MedusaContainer, payment_id: string, amount?: number) {
  const { result } = await capturePaymentWorkflow(container).run({ input: { payment_id, amount } })
  return result
}

/** Emits payment.refunded and, on an order, adds a refund credit line that lowers order.total. */
export async function refundPayment(
  container: MedusaContainer,
  payment_id: string,
  amount: number,
  options: { note?: string; refund_reason_id?: string } = {}
) {
  const { result } = await refundPaymentWorkflow(container).run({
    input: { payment_id, amount, note: options.note, refund_reason_id: options.refund_reason_id },
  })
  return result
}

/**
 * Emits order.canceled. Refunds whatever was captured (without payment.refunded)
 * and cancels uncaptured payments.
 */
export async function cancelOrder(container: MedusaContainer, order_id: string): Promise<void> {
  await cancelOrderWorkflow(container).run({ input: { order_id } })
}

export type ReturnItem = { id: string; quantity: number }

/**
 * The admin return flow up to "received": fulfils what is not yet fulfilled
 * (Medusa only returns fulfilled units), requests the return (emits
 * order.return_requested), then receives it (emits order.return_received).
 * Received units drop out of the order total; nothing is refunded.
 */
export async function receiveReturn(
  container: MedusaContainer,
  order_id: string,
  items: ReturnItem[]
): Promise<{ return_id: string }> {
  await fulfillForReturn(container, order_id, items)

  const { result: change } = await beginReturnOrderWorkflow(container).run({ input: { order_id } })
  const return_id = change.return_id
  if (!return_id) {
    throw new Error(`store-fixture: beginning a return on ${order_id} gave no return id`)
  }
  await requestItemReturnWorkflow(container).run({ input: { return_id, items } })
  await confirmReturnRequestWorkflow(container).run({ input: { return_id } })

  await beginReceiveReturnWorkflow(container).run({ input: { return_id } })
  await receiveItemReturnRequestWorkflow(container).run({ input: { return_id, items } })
  await confirmReturnReceiveWorkflow(container).run({ input: { return_id } })
  return { return_id }
}

/** Fulfils the shortfall between the units to return and the units already fulfilled. */
async function fulfillForReturn(
  container: MedusaContainer,
  order_id: string,
  items: ReturnItem[]
): Promise<void> {
  const [order] = await graph<{
    items?: {
      id: string
      detail?: { fulfilled_quantity?: BigNumberInput; return_requested_quantity?: BigNumberInput }
    }[]
  }>(container, {
    entity: "order",
    fields: ["id", "items.id", "items.detail.fulfilled_quantity", "items.detail.return_requested_quantity"],
    filters: { id: order_id },
  })
  const orderItems = order?.items ?? []
  // Quantities are unit counts, not money: plain integer arithmetic is fine.
  const toFulfill = items
    .map(({ id, quantity }) => {
      const detail = orderItems.find((i) => i.id === id)?.detail
      const available = num(detail?.fulfilled_quantity) - num(detail?.return_requested_quantity)
      return { id, quantity: quantity - available }
    })
    .filter((i) => i.quantity > 0)
  if (toFulfill.length) {
    await createOrderFulfillmentWorkflow(container).run({ input: { order_id, items: toFulfill } })
  }
}

/**
 * The admin order edit flow: begin → update quantity → request → confirm
 * (emits order-edit.requested then order-edit.confirmed). Lowering a quantity
 * lowers the total and leaves a negative pending_difference; nothing is refunded.
 */
export async function editOrderLowerQuantity(
  container: MedusaContainer,
  order_id: string,
  item_id: string,
  new_quantity: number
): Promise<void> {
  await beginOrderEditOrderWorkflow(container).run({ input: { order_id } })
  await orderEditUpdateItemQuantityWorkflow(container).run({
    input: { order_id, items: [{ id: item_id, quantity: new_quantity }] },
  })
  await requestOrderEditRequestWorkflow(container).run({ input: { order_id } })
  await confirmOrderEditRequestWorkflow(container).run({ input: { order_id } })
}

// ---------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------

/** Amounts are numbers in major units, as the Admin API serializes them (10.5 = $10.50). */
export type OrderTotals = {
  id: string
  status: string
  version: number
  currency_code: string
  total: number
  subtotal: number
  tax_total: number
  item_subtotal: number
  shipping_subtotal: number
  discount_subtotal: number
  credit_line_total: number
  summary: {
    pending_difference: number
    paid_total: number
    refunded_total: number
    transaction_total: number
    current_order_total: number
    original_order_total: number
  }
  items: { id: string; quantity: number }[]
  payment_collections: {
    id: string
    payments: {
      id: string
      amount: number
      provider_id: string
      captures: { id: string; amount: number }[]
      refunds: { id: string; amount: number }[]
    }[]
  }[]
}

type AmountRow = { id: string; amount: BigNumberInput }
type OrderRow = Record<"id" | "status" | "currency_code", string> &
  Record<
    | "total"
    | "subtotal"
    | "tax_total"
    | "item_subtotal"
    | "shipping_subtotal"
    | "discount_subtotal"
    | "credit_line_total",
    BigNumberInput
  > & {
    version: number
    summary?: Partial<Record<keyof OrderTotals["summary"], BigNumberInput>>
    items?: { id: string; quantity: BigNumberInput }[]
    payment_collections?: {
      id: string
      payments?: (AmountRow & { provider_id: string; captures?: AmountRow[]; refunds?: AmountRow[] })[]
    }[]
  }

const amounts = (rows: AmountRow[] | undefined) =>
  (rows ?? []).map((r) => ({ id: r.id, amount: num(r.amount) }))

/** The order as the accounting side sees it (totals are computed on read for the current version). */
export async function getOrderTotals(container: MedusaContainer, order_id: string): Promise<OrderTotals> {
  const [o] = await graph<OrderRow>(container, {
    entity: "order",
    fields: [
      "id",
      "status",
      "version",
      "currency_code",
      "total",
      "subtotal",
      "tax_total",
      "item_subtotal",
      "shipping_subtotal",
      "discount_subtotal",
      "credit_line_total",
      "summary.*",
      "items.id",
      "items.quantity",
      "payment_collections.id",
      "payment_collections.payments.id",
      "payment_collections.payments.amount",
      "payment_collections.payments.provider_id",
      "payment_collections.payments.captures.id",
      "payment_collections.payments.captures.amount",
      "payment_collections.payments.refunds.id",
      "payment_collections.payments.refunds.amount",
    ],
    filters: { id: order_id },
  })
  if (!o) {
    throw new Error(`store-fixture: order ${order_id} not found`)
  }
  const summary = o.summary ?? {}
  return {
    id: o.id,
    status: o.status,
    version: o.version,
    currency_code: o.currency_code,
    total: num(o.total),
    subtotal: num(o.subtotal),
    tax_total: num(o.tax_total),
    item_subtotal: num(o.item_subtotal),
    shipping_subtotal: num(o.shipping_subtotal),
    discount_subtotal: num(o.discount_subtotal),
    credit_line_total: num(o.credit_line_total),
    summary: {
      pending_difference: num(summary.pending_difference),
      paid_total: num(summary.paid_total),
      refunded_total: num(summary.refunded_total),
      transaction_total: num(summary.transaction_total),
      current_order_total: num(summary.current_order_total),
      original_order_total: num(summary.original_order_total),
    },
    items: (o.items ?? []).map((i) => ({ id: i.id, quantity: num(i.quantity) })),
    payment_collections: (o.payment_collections ?? []).map((pc) => ({
      id: pc.id,
      payments: (pc.payments ?? []).map((p) => ({
        id: p.id,
        amount: num(p.amount),
        provider_id: p.provider_id,
        captures: amounts(p.captures),
        refunds: amounts(p.refunds),
      })),
    })),
  }
}
