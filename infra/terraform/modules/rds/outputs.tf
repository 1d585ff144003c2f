output "address" {
  description = "The primary's DNS name; it follows a Multi-AZ failover."
  value       = aws_db_instance.this.address
}

output "port" {
  description = "PostgreSQL's port."
  value       = aws_db_instance.this.port
}

output "database_name" {
  description = "The services' database."
  value       = aws_db_instance.this.db_name
}

output "jdbc_url" {
  description = "SPRING_DATASOURCE_URL for the services."
  value       = "jdbc:postgresql://${aws_db_instance.this.address}:${aws_db_instance.this.port}/${aws_db_instance.this.db_name}?sslmode=require"
}

output "owner_username" {
  description = "The schema owner (SPRING_FLYWAY_USER)."
  value       = aws_db_instance.this.username
}

output "owner_secret_arn" {
  description = "The Secrets Manager secret RDS keeps the owner's password in (JSON with username and password)."
  value       = aws_db_instance.this.master_user_secret[0].secret_arn
}

output "kms_key_arn" {
  description = "The key that encrypts the database and the owner's secret."
  value       = aws_kms_key.this.arn
}

output "security_group_id" {
  description = "The database's security group."
  value       = aws_security_group.this.id
}
