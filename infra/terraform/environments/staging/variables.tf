variable "region" {
  description = "The AWS region."
  type        = string
  default     = "eu-central-1"
}
