# What all environments share: the image repositories. One image, built once from a commit, is promoted from
# staging to production by naming its tag in the production overlay.

module "ecr" {
  source = "../../modules/ecr"
  tags   = { Application = "exqress" }
}
