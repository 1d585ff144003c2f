output "repository_urls" {
  description = "Where Jib pushes each service's image (-Djib.to.image=<url>:<tag>)."
  value       = module.ecr.repository_urls
}

output "registry" {
  description = "The registry host, for aws ecr get-login-password and the Argo CD overlays."
  value       = module.ecr.registry
}
