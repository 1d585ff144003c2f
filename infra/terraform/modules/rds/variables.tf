variable "name" {
  description = "The database instance's identifier."
  type        = string
}

variable "vpc_id" {
  description = "The VPC the database lives in."
  type        = string
}

variable "subnet_ids" {
  description = "Private subnets in at least two zones, for the primary and its standby."
  type        = list(string)
}

variable "client_security_group_ids" {
  description = "Security groups whose members may connect to PostgreSQL (the EKS cluster's)."
  type        = list(string)
}

variable "engine_version" {
  description = "PostgreSQL major version. The test suite runs the migrations on PostgreSQL 14; they use nothing newer."
  type        = string
  default     = "16"
}

variable "instance_class" {
  description = "The instance class."
  type        = string
  default     = "db.m6g.large"
}

variable "allocated_storage" {
  description = "Storage at creation, in GiB."
  type        = number
  default     = 100
}

variable "max_allocated_storage" {
  description = "Storage autoscaling's ceiling, in GiB. The event store only grows."
  type        = number
  default     = 1000
}

variable "database_name" {
  description = "The database the services use."
  type        = string
  default     = "exqress"
}

variable "owner_username" {
  description = "The master user, which owns the schema and runs the Flyway migrations (SPRING_FLYWAY_USER). Its password is generated and rotated by RDS in Secrets Manager."
  type        = string
  default     = "exqress_owner"
}

variable "multi_az" {
  description = "A synchronous standby in another zone."
  type        = bool
  default     = true
}

variable "backup_retention_days" {
  description = "Days of automated backups and point-in-time recovery."
  type        = number
  default     = 14
}

variable "deletion_protection" {
  description = "Refuse to delete the instance until this is switched off."
  type        = bool
  default     = true
}

variable "tags" {
  description = "Tags for every resource."
  type        = map(string)
  default     = {}
}
