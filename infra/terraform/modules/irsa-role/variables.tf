variable "name" {
  description = "The IAM role's name."
  type        = string
}

variable "oidc_provider_arn" {
  description = "The cluster's IAM OIDC provider."
  type        = string
}

variable "oidc_issuer_host" {
  description = "The cluster's OIDC issuer without https://."
  type        = string
}

variable "namespace" {
  description = "Namespace of the Kubernetes service account that may assume the role."
  type        = string
}

variable "service_account" {
  description = "Name of the Kubernetes service account that may assume the role."
  type        = string
}

variable "policy_json" {
  description = "The role's permissions, an IAM policy document."
  type        = string
}

variable "tags" {
  description = "Tags for the role."
  type        = map(string)
  default     = {}
}
