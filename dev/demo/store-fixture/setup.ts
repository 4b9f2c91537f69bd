import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import {
  createLinksWorkflow,
  createLocationFulfillmentSetWorkflow,
  createProductsWorkflow,
  createRegionsWorkflow,
  createSalesChannelsWorkflow,
  createServiceZonesWorkflow,
  createShippingOptionsWorkflow,
  createShippingProfilesWorkflow,
  createStockLocationsWorkflow,
  createTaxRegionsWorkflow,
  linkSalesChannelsToStockLocationWorkflow,
  updateRegionsWorkflow,
  updateStoresWorkflow,
} from "@medusajs/medusa/core-flows"
import {
  PAYMENT_PROVIDER_ID,
  FULFILLMENT_PROVIDER_ID,
  TAX_PROVIDER_ID,
  DEFAULT_TAX_RATE,
  STOCK_LOCATION_NAME,
  FULFILLMENT_SET_NAME,
  DEFAULT_SALES_CHANNEL_NAME,
  PRODUCTS,
  StoreFixture,
  graph,
  IdRow,
  currencySetup,
} from "./common"

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
