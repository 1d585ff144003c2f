# Production: the module's defaults are production's (three zones, a NAT gateway per zone, Multi-AZ database,
# deletion protection). Narrow who reaches the Kubernetes API and name the administrators here.

module "exqress" {
  source      = "../../modules/exqress"
  environment = "production"
  vpc_cidr    = "10.40.0.0/16"

  eks_public_access_cidrs = var.eks_public_access_cidrs
  eks_admin_role_arns     = var.eks_admin_role_arns
}
