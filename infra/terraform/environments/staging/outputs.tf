output "argocd_env" {
  description = "Write to infra/argocd/overlays/<environment>/terraform-outputs/outputs.env."
  value       = module.exqress.argocd_env
}

output "cluster_name" {
  description = "For aws eks update-kubeconfig --name."
  value       = module.exqress.cluster_name
}

output "region" {
  description = "The environment's region."
  value       = module.exqress.region
}

output "data_keys_kms_alias" {
  description = "For aws kms encrypt --key-id when wrapping the data master keys."
  value       = module.exqress.data_keys_kms_alias
}

output "label_keys_kms_alias" {
  description = "For the label signing keys' secrets."
  value       = module.exqress.label_keys_kms_alias
}

output "database_address" {
  description = "The PostgreSQL primary's DNS name."
  value       = module.exqress.database_address
}

output "database_owner_secret_arn" {
  description = "The secret holding the schema owner's password."
  value       = module.exqress.database_owner_secret_arn
}

output "secret_names" {
  description = "The Secrets Manager secrets to fill in."
  value       = module.exqress.secret_names
}
