// Each test file boots its own MikroORM; clear entity metadata left by the previous file.
const { MetadataStorage } = require("@medusajs/framework/mikro-orm/core")
MetadataStorage.clear()
