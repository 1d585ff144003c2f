# Secrets Manager slots for what the services need and Terraform must never know: the secrets are made here,
# their values are put by an operator (README "Deploy to AWS"), so no value ever sits in the Terraform state.
# External Secrets copies them into Kubernetes Secrets (infra/argocd/base/secrets.yaml). The database owner's
# password is not among them: RDS makes and rotates it in a secret of its own (module.rds.owner_secret_arn).

locals {
  secret_prefix = "exqress/${var.environment}/"
}

# {"username":"exqress_app","password":"…"}: the services' login role.
resource "aws_secretsmanager_secret" "database_app" {
  name        = "${local.secret_prefix}database-app"
  description = "Exqress ${var.environment}: the services' PostgreSQL login role exqress_app"
  kms_key_id  = module.rds.kms_key_arn
  tags        = local.tags
}

# The data master keys as KMS ciphertext (EXQRESS_DATAKEYS_KMSWRAPPED). Already encrypted under module.kms's
# data-keys key, which only the services may use, so the default Secrets Manager key is enough here.
resource "aws_secretsmanager_secret" "data_master_keys" {
  name        = "${local.secret_prefix}data-master-keys"
  description = "Exqress ${var.environment}: the data master keys, wrapped by ${module.kms.data_keys_alias}"
  tags        = local.tags
}

# Each carrier's label signing JWK set (EXQRESS_LABELS_CARRIERS_<CODE>_JWKS).
resource "aws_secretsmanager_secret" "label_keys" {
  for_each    = toset(var.carriers)
  name        = "${local.secret_prefix}label-keys/${each.value}"
  description = "Exqress ${var.environment}: label signing keys of carrier ${each.value}"
  kms_key_id  = module.kms.label_keys_key_arn
  tags        = local.tags
}

# query-api's audit checkpoint signing key (a JWK set with one P-256 key), the same in every replica, so that a
# checkpoint signed by one verifies against GET /audit/checkpoints/jwks.json from any other.
resource "aws_secretsmanager_secret" "checkpoint_keys" {
  name        = "${local.secret_prefix}checkpoint-keys"
  description = "Exqress ${var.environment}: the audit checkpoint signing key"
  kms_key_id  = module.kms.label_keys_key_arn
  tags        = local.tags
}
