metadata description = 'Storage for the Functions host, the app data (tables, queues, blobs) and the Flex Consumption deployment package. Entra ID access only.'

param name string
param location string
param tags object

@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_GZRS'
])
param skuName string = 'Standard_LRS'

@description('Container the Flex Consumption plan deploys the app package from.')
param deploymentContainerName string

@description('Days each archived meeting-note version stays immutable (WORM) after it is written.')
@minValue(1)
@maxValue(146000)
param meetingNotesRetentionDays int = 3650

@description('Days a quarantined payload is kept after it was last written; the lifecycle rule below deletes it after that.')
@minValue(1)
param retentionDays int = 400

// The names below mirror Core/Queues/QueueNames.cs and Core/Storage/TableNames.cs. The infra
// contract test compiles this file and fails when a name in the code is missing here.
// The host moves a message to <queue>-poison after maxDequeueCount; creating the twins up front
// lets operators watch them before the first failure.
var queueNames = [
  'sync-source'
  'sync-source-poison'
  'case-registration'
  'case-registration-poison'
  'notifications'
  'notifications-poison'
]

var tableNames = [
  'Agreements'
  'BudgetAssignments'
  'Enterprises'
  'Indicators'
  'RegistryAnswers'
  'MeetingNotes'
  'PlanItems'
  'SiteUsers'
  'DeltaCheckpoints'
  'Quarantine'
  'DataProblems'
  'SyncRuns'
  'NotificationLedger'
  'NotificationEvents'
  'NotificationDeliveries'
]

// The app's own containers (Core/Storage/ContainerNames.cs), the package container, and the
// Functions host's own two, created here so that the host's role can be scoped to them
// (role-assignments.bicep) and it never needs to create a container itself.
var containerNames = [
  deploymentContainerName
  'quarantine'
  'sync-state'
  'meeting-notes'
  'azure-webjobs-hosts'
  'azure-webjobs-secrets'
]

resource storage 'Microsoft.Storage/storageAccounts@2025-06-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: skuName
  }
  properties: {
    accessTier: 'Hot'
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    // No account keys and no SAS: every client (host, app, deployer) signs in with Entra ID.
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    allowCrossTenantReplication: false
    // Flex Consumption without VNet integration reaches storage over its public endpoint.
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
  }
}

// The account holds the meeting-notes archive (public records): deleting it, or the resource group
// around it, must be a deliberate step. Tear-down removes this lock first (docs/deploy-to-azure.md).
resource deleteLock 'Microsoft.Authorization/locks@2020-05-01' = {
  name: 'keep-archive'
  scope: storage
  properties: {
    level: 'CanNotDelete'
    notes: 'Holds the WORM meeting-notes archive. Remove this lock before deleting the account or its resource group.'
  }
}

// Quarantined payloads do not grow forever. Only the quarantine container: the meeting-notes
// archive is WORM-retained and sync-state holds the live digests. Table rows (run records,
// resolved quarantine entries) cannot be lifecycle-managed.
resource lifecycle 'Microsoft.Storage/storageAccounts/managementPolicies@2025-06-01' = {
  parent: storage
  name: 'default'
  properties: {
    policy: {
      rules: [
        {
          name: 'quarantine-retention'
          enabled: true
          type: 'Lifecycle'
          definition: {
            filters: {
              blobTypes: [
                'blockBlob'
              ]
              prefixMatch: [
                'quarantine/'
              ]
            }
            actions: {
              baseBlob: {
                delete: {
                  daysAfterModificationGreaterThan: retentionDays
                }
              }
            }
          }
        }
      ]
    }
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2025-06-01' = {
  parent: storage
  name: 'default'
  properties: {
    deleteRetentionPolicy: {
      enabled: true
      days: 7
    }
    containerDeleteRetentionPolicy: {
      enabled: true
      days: 7
    }
  }
}

resource containers 'Microsoft.Storage/storageAccounts/blobServices/containers@2025-06-01' = [
  for containerName in containerNames: {
    parent: blobService
    name: containerName
    properties: {
      publicAccess: 'None'
    }
  }
]

// Meeting notes are public records: each version is kept unaltered. A time-based retention
// policy makes the archive WORM (write once, read many) for the set period; it is created
// unlocked, so a wrong period can still be fixed, and locking it is a deliberate step afterwards
// (docs/deploy-to-azure.md).
resource meetingNotesRetention 'Microsoft.Storage/storageAccounts/blobServices/containers/immutabilityPolicies@2025-06-01' = {
  name: '${name}/default/meeting-notes/default'
  properties: {
    immutabilityPeriodSinceCreationInDays: meetingNotesRetentionDays
    allowProtectedAppendWrites: false
  }
  dependsOn: [
    containers
  ]
}

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2025-06-01' = {
  parent: storage
  name: 'default'
}

resource queues 'Microsoft.Storage/storageAccounts/queueServices/queues@2025-06-01' = [
  for queueName in queueNames: {
    parent: queueService
    name: queueName
  }
]

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2025-06-01' = {
  parent: storage
  name: 'default'
}

resource tables 'Microsoft.Storage/storageAccounts/tableServices/tables@2025-06-01' = [
  for tableName in tableNames: {
    parent: tableService
    name: tableName
  }
]

output name string = storage.name
output blobEndpoint string = storage.properties.primaryEndpoints.blob
output queueEndpoint string = storage.properties.primaryEndpoints.queue
output tableEndpoint string = storage.properties.primaryEndpoints.table
