output "repository_urls" {
  description = "Where Jib pushes each service's image (-Djib.to.image=<url>:<tag>)."
  value       = module.ecr.repository_urls
}

output "registry" {
  description = "The registry host, for aws ecr get-login-password and the Argo CD overlays."
  value       = module.ecr.registry
}

output "github_actions_role_arn" {
  description = "For the repository variable AWS_ROLE_ARN that .github/workflows/build.yml assumes."
  value       = aws_iam_role.github_push.arn
}
