output "data_keys_key_arn" {
  description = "The key that wraps the data master keys."
  value       = aws_kms_key.data_keys.arn
}

output "data_keys_alias" {
  description = "Its alias, for aws kms encrypt --key-id."
  value       = aws_kms_alias.data_keys.name
}

output "label_keys_key_arn" {
  description = "The key that encrypts the label signing keys in Secrets Manager."
  value       = aws_kms_key.label_keys.arn
}

output "label_keys_alias" {
  description = "Its alias, for aws secretsmanager create-secret --kms-key-id."
  value       = aws_kms_alias.label_keys.name
}
