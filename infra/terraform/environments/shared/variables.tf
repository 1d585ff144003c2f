variable "region" {
  description = "The AWS region."
  type        = string
  default     = "eu-central-1"
}

variable "github_repository" {
  description = "owner/name of the GitHub repository whose main branch pushes the images."
  type        = string
  default     = "exqress/exqress"
}
