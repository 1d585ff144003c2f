variable "region" {
  description = "The AWS region."
  type        = string
  default     = "eu-central-1"
}

variable "eks_public_access_cidrs" {
  description = "Where the Kubernetes API may be reached from: your offices, VPN and CI."
  type        = list(string)
  default     = ["0.0.0.0/0"]
}

variable "eks_admin_role_arns" {
  description = "IAM roles that administer the cluster, besides the one that creates it."
  type        = list(string)
  default     = []
}
