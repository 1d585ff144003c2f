output "repository_urls" {
  description = "Each repository's URL by name."
  value       = { for name, repository in aws_ecr_repository.this : name => repository.repository_url }
}

output "registry" {
  description = "The registry host the repositories live in."
  value       = split("/", values(aws_ecr_repository.this)[0].repository_url)[0]
}

output "repository_arns" {
  description = "Each repository's ARN by name, for push permissions."
  value       = { for name, repository in aws_ecr_repository.this : name => repository.arn }
}
