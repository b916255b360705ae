metadata description = 'Key Vault for the secrets of later parts (case-system API key, Teams webhook URL, the register\'s HMAC key), read by the app through Key Vault references. Access by Azure RBAC only.'

param name string
param location string
param tags object

@description('Purge protection cannot be turned off again, and keeps a deleted vault name taken for the retention period. Leave on for production.')
param enablePurgeProtection bool = true

@description('recover restores a soft-deleted vault of the same name (with its secrets) instead of creating one.')
@allowed([
  'default'
  'recover'
])
param createMode string = 'default'

@secure()
@description('Secrets the deployment itself writes, as { name: value }; the others are set by hand.')
param secrets object

@minValue(7)
@maxValue(90)
param softDeleteRetentionInDays int = 90

resource vault 'Microsoft.KeyVault/vaults@2024-11-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    createMode: createMode
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    // Role assignments, not access policies: the same least-privilege model as storage.
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: softDeleteRetentionInDays
    // The API accepts only true or absent; false is rejected once the vault exists.
    enablePurgeProtection: enablePurgeProtection ? true : null
    // Flex Consumption without VNet integration resolves Key Vault references over the public endpoint.
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
  }
}

output name string = vault.name
output uri string = vault.properties.vaultUri

resource secret 'Microsoft.KeyVault/vaults/secrets@2024-11-01' = [for item in items(secrets): {
  parent: vault
  name: item.key
  properties: {
    value: item.value
  }
}]
